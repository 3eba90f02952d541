/** A valid credential's status note (./StatusNote.astro) that has expired since the page was built says so. */
for (const note of document.querySelectorAll<HTMLElement>('[data-status="valid"][data-valid-until]')) {
  if (Date.now() < Date.parse(note.dataset['validUntil'] ?? '')) continue;
  note.dataset['status'] = 'expired';
  note.className = 'status status-expired';
  // The words come written in the page's language (./StatusNote.astro).
  note.querySelector('.status-label')!.textContent = note.dataset['expiredLabel'] ?? '';
  note.querySelector('.status-sentence')!.textContent = note.dataset['expiredSentence'] ?? '';
}

export {};
