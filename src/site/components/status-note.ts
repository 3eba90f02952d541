/** A valid credential's status note (./StatusNote.astro) that has expired since the page was built says so. */
for (const note of document.querySelectorAll<HTMLElement>('[data-status="valid"][data-valid-until]')) {
  if (Date.now() < Date.parse(note.dataset['validUntil'] ?? '')) continue;
  note.dataset['status'] = 'expired';
  note.className = 'status status-expired';
  note.querySelector('.status-label')!.textContent = 'Expired';
  note.querySelector('.status-sentence')!.textContent = `This credential expired on ${note.dataset['validUntilText']}.`;
}

export {};
