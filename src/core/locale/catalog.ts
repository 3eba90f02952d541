/**
 * The words of Laurel's interface: what every catalog (./en.ts, ./fr.ts) must hold. The compiler
 * refuses a catalog with a missing or extra entry. A sentence that takes values is a function of
 * them, so each language orders them, agrees with them and punctuates them its own way (French
 * puts a narrow no-break space, U+202F, before ; : ! and ?). Dates come in already written
 * (./dates.ts).
 */
import type { InterfaceLanguage } from './language.ts';

/** The states a credential's page can report (the page model decides which, at build time). */
export type StatusState = 'valid' | 'expired' | 'revoked' | 'suspended' | 'not-yet-valid';

export interface Messages {
  /** The language tag of the catalog itself, for `lang` attributes on its words. */
  readonly language: InterfaceLanguage;
  /** A colon and its spaces, as the language sets them. */
  readonly colon: string;

  // --- a credential's status (src/site/page-model.ts credentialStatus) ---
  readonly statusLabel: Readonly<Record<StatusState, string>>;
  revokedSentence(on: string): string;
  suspendedSentence(since: string): string;
  notYetValidSentence(from: string): string;
  expiredSentence(on: string): string;
  validUntilSentence(until: string): string;
  readonly validForeverSentence: string;
  readonly reasonGiven: string;

  // --- an achievement in words ---
  /** OB 3.0 AchievementType values (§B.1.5) in words; any other type is split into words. */
  readonly achievementTypes: Readonly<Record<string, string>>;
  readonly doesNotExpire: string;
  validFor(duration: string): string;
  /** OB 3.0 ResultStatusType values (§B.1.20) in words. */
  readonly resultStatuses: Readonly<Record<string, string>>;
  result(position: number | undefined): string;
  outOf(maximum: string): string;
  activityBetween(start: string, end: string): string;
  activityFrom(start: string): string;
  activityUntil(end: string): string;

  // --- every page (src/site/layouts/Base.astro) ---
  readonly skipToContent: string;
  readonly developmentBanner: string;
  readonly siteNavigation: string;
  readonly achievementsLink: string;
  readonly verifyLink: string;
  footerIssuedBy(issuer: string): readonly [before: string, after: string];
  readonly issuerProfileLink: string;
  readonly publicKeysLink: string;
  /** The name of the navigation between the languages of a site in several. */
  readonly languageNavigation: string;
  /** The language's name in its own words, for the language switch ("Français"). */
  readonly languageName: string;
  /** What the link to the same page in this language says to a screen reader and on hover. */
  readonly readInThisLanguage: string;

  // --- the verify page (src/site/pages/verify.astro) ---
  readonly verifyTitle: string;
  readonly verifyDescription: string;
  /** Its introduction around the link to the "how to verify" page. */
  readonly verifyPageIntro: readonly [before: string, link: string, after: string];
  /** The verify page's inputs and the checklist as it is before JavaScript runs (src/site/components/Verifier.astro). */
  readonly verifierForm: {
    readonly urlLabel: string;
    readonly verify: string;
    readonly pasteLabel: string;
    readonly verifyPasted: string;
    readonly fileLabel: string;
    readonly dropNote: string;
    privacyNote(jsonLimit: string, depth: number, imageLimit: string): string;
    /** The link from each check to its section of the "how to verify" page. */
    readonly howLink: string;
    readonly emailLabel: string;
    readonly compare: string;
    readonly emailNote: string;
  };

  // --- the browser wallet page (src/site/pages/wallet.astro) ---
  readonly walletTitle: string;
  readonly walletDescription: string;
  readonly walletIntro: string;
  readonly walletReading: string;
  readonly walletNeedsJavaScript: string;
  readonly walletWhatIsSent: string;
  walletPrivacy(mediatorHost: string): string;
  /** What the page's control says (src/site/components/browser-wallet.ts), given to it by the page. */
  readonly walletPage: {
    readonly aCredential: string;
    /** "Ada Lovelace: Accessible Interfaces" */
    credentialTitle(learner: string, achievement: string): string;
    readonly noneNamed: string;
    noSuchCredential(id: string): string;
    notAnId(id: string): string;
    readonly unreadable: string;
    readonly choose: string;
    ready(mediatorHost: string): string;
    opening(mediatorHost: string): string;
    readonly stored: string;
    readonly notStored: string;
    unreachable(mediatorHost: string): string;
};

  // --- the certificate page (src/site/components/CertificatePage.astro) ---
  pageDescription(learner: string, achievement: string, issuer: string, awardedOn: string): string;
  previewTitle(learner: string, achievement: string): string;
  personalCardAlt(learner: string, achievement: string, issuer: string): string;
  achievementCardAlt(achievement: string, issuer: string): string;
  withdrawnBanner(state: 'revoked' | 'suspended'): readonly [headline: string, rest: string];
  readonly certificate: string;
  eyebrow(type: string, isCertificate: boolean): string;
  readonly hasEarned: string;
  readonly issuedBy: string;
  readonly skillsInline: string;
  badgeAlt(achievement: string): string;
  readonly factAwarded: string;
  readonly factExpires: string;
  readonly factNever: string;
  readonly factCredits: string;
  readonly factActivity: string;
  readonly factId: string;
  readonly qrAlt: (url: string) => string;
  readonly qrCaption: string;
  readonly shareAndDownload: string;
  readonly files: string;
  readonly addToLinkedIn: string;
  readonly shareOnLinkedIn: string;
  readonly copyLink: string;
  readonly signedCredential: string;
  readonly filesCarryCredential: string;
  readonly turnOnJavaScript: string;
  sharingOff(state: 'revoked' | 'suspended' | 'not-yet-valid'): string;
  readonly aboutAchievement: string;
  /** Before a programme's name (a link when it has one). */
  readonly partOf: string;
  whatItCertifies(achievement: string): string;
  /** Before a stack's name on a block's certificate page: "One of the 4 blocks of". */
  blockOf(total: number): string;
  /** After it: how many of the stack's blocks the learner holds. */
  blocksHeld(learner: string, held: number, needed: number): string;
  /** After it: the learner holds the stack itself (a link to its certificate where it is listed). */
  holdsStack(learner: string): string;
  /** Heading of the blocks a stacked award was earned with. */
  readonly earnedWith: string;

  // --- a learner's portfolio page (src/site/pages/portfolio.astro) and transcript ---
  /** The signed transcript's name (ClrCredential.name), in the site's language. */
  transcriptName(learner: string): string;
  portfolioTitle(learner: string): string;
  portfolioIntro(learner: string, issuer: string): string;
  readonly transcriptLink: string;
  readonly transcriptNote: string;
  /** On a certificate page whose learner has a portfolio. */
  readonly allTheirCredentials: string;
  readonly aboutAward: string;
  readonly skills: string;
  readonly keywords: string;
  readonly evidence: string;
  readonly evidenceItem: string;
  readonly verify: string;
  readonly verifyHeading: string;
  readonly verifyIntro: string;
  readonly openInVerifier: string;
  readonly verifierNeedsJavaScript: string;
  readonly verifyWithoutLaurel: string;

  // --- the home page (src/site/pages/index.astro) ---
  homeTitle(issuer: string): string;
  readonly homeEyebrow: string;
  /** The words after a count, in the plural the count takes. */
  achievementsCounted(count: number): string;
  credentialsIssuedCounted(count: number): string;
  readonly catalogueHeading: string;
  catalogueIntro(issuer: string): string;
  readonly noAchievementsYet: string;
  noAchievementsYetText(issuer: string): string;
  /** On a development build with no achievement yet, to its issuer, around the file, the command and the guide it names. */
  readonly firstAchievementHint: readonly [string, string, string, guide: string, string];
  readonly otherAchievements: string;
  programmeOf(count: number): string;
  moreSkills(count: number): string;
  earnersCounted(count: number): string;
  readonly view: string;

  // --- search (src/site/components/SiteSearch.astro, src/site/search-records.ts) ---
  readonly searchForm: string;
  readonly searchLabel: string;
  readonly searchButton: string;
  readonly searchFilters: string;
  readonly searchResultsLabel: string;
  readonly filterSkill: string;
  readonly filterAnySkill: string;
  readonly filterAchievement: string;
  readonly filterAnyAchievement: string;
  readonly filterYear: string;
  readonly filterAnyYear: string;
  /** A certificate in search: its words, and its kind beside its title. */
  searchRecord(learner: string, achievement: string, awardedOn: string): string;
  readonly searchKindCertificate: string;

  // --- an achievement's page (src/site/pages/achievement.astro) ---
  readonly factType: string;
  readonly factCode: string;
  readonly factCreditsAvailable: string;
  readonly factValidity: string;
  readonly factFieldOfStudy: string;
  readonly factLanguage: string;
  readonly factVersion: string;
  readonly factEarnedBy: string;
  /** How many have earned it: plural by Intl.PluralRules of the language. */
  earnedByCount(count: number): string;
  readonly criteria: string;
  /** A stack's achievement page: heading of its blocks, and what it takes of them. */
  readonly stackBlocks: string;
  stackRule(needed: number, total: number, within: string | undefined): string;
  /** A block's achievement page: before the stacks it counts towards. */
  readonly countsTowards: string;
  readonly resultsRecorded: string;
  atLeast(value: string): string;
  scale(minimum: string, maximum: string): string;
  readonly skillsAndAlignments: string;
  readonly notAligned: string;
  readonly recentEarners: string;
  readonly noEarnersYet: string;
  readonly earnersNotListed: string;
  readonly badgeAndData: string;
  badgeFile(format: 'PNG' | 'SVG'): string;
  readonly achievementJson: string;

  // --- the page left by an erased award (src/site/components/WithdrawnPage.astro) ---
  readonly erasedTitle: string;
  readonly erasedLead: string;
  readonly erasedDescription: string;
  /** Before the issuer's email address, which the page links. */
  readonly erasedContact: string;
  allAchievements(issuer: string): string;

  // --- the share card, the badge and the PDF certificate (src/render/) ---
  readonly images: ImageMessages;

  // --- an EU micro-credential's elements: the facts panel and the credential's alignments (src/core/micro-credential.ts) ---
  readonly microCredential: MicroCredentialMessages;
}

/**
 * The names of the elements of an EU micro-credential (Council Recommendation 2022/C 243/02,
 * Annex I) and of their values, as the Recommendation words them in the language's own version.
 */
export interface MicroCredentialMessages {
  /** The panel's heading on the certificate and achievement pages. */
  readonly heading: string;
  /** Under the heading: where the elements come from. */
  readonly intro: string;
  readonly workload: string;
  /** The workload, its number already written for the language. */
  ects(credits: number, written: string): string;
  readonly eqfLevel: string;
  eqfLevelValue(level: number): string;
  readonly notApplicable: string;
  readonly assessment: string;
  readonly participation: string;
  readonly participationForms: Readonly<Record<'online' | 'onsite' | 'blended' | 'volunteering' | 'work-experience', string>>;
  readonly qualityAssurance: string;
  readonly prerequisites: string;
  readonly supervision: string;
  readonly supervisionLevels: Readonly<Record<'unsupervised' | 'supervised' | 'supervised-with-identity-verification', string>>;
  readonly integration: string;
  readonly integrationOptions: Readonly<Record<'stand-alone' | 'stackable', string>>;
  stackableTowards(programme: string): string;
  readonly issuerCountry: string;
}

/**
 * The words drawn in the images and the PDF. Labels are written as in a sentence: the renderer
 * sets some in capitals (CSS `text-transform` on the card, `toLocaleUpperCase` in the PDF), and
 * French capitals keep their accents (« DÉCERNÉE LE »).
 */
export interface ImageMessages {
  /** Above the learner's name on a personal share card. */
  readonly awardedTo: string;
  /** Above the achievement on its own share card, and the PDF's heading. */
  readonly certificateOfAchievement: string;
  /** The share card's foot: when it was earned (the date already written). */
  earnedOn(date: string): string;
  readonly verifiableOpenBadge: string;
  /** In the PDF, between the learner's name and the achievement's. */
  readonly hasEarned: string;
  /** The PDF's labels over the award's dates, the skills and the credential's address. */
  readonly awarded: string;
  readonly validUntil: string;
  readonly skills: string;
  readonly verifyAt: string;
  /** Under the PDF's QR code. */
  readonly scanToVerify: string;
  /** The PDF's document subject (its Info dictionary, ISO 32000-1 §14.3.3). */
  documentSubject(credentialUrl: string): string;
}

/**
 * What the certificate page's scripts write (src/site/components/*.ts): a catalog of its own, so a
 * page's script carries these few sentences and not the whole interface.
 */
export interface ScriptMessages {
  readonly linkCopied: string;
  readonly linkNotCopied: string;
  readonly copyPostText: string;
  postText(achievement: string, issuer: string, pageUrl: string): string;
  readonly postTextCopied: string;
  readonly postTextNotCopied: string;
  readonly certificatePdf: string;
  readonly print: string;
  readonly printHint: string;
  readonly badgeImage: string;
  making(what: 'badge' | 'certificate'): string;
  couldNotMake(what: 'badge' | 'certificate', reason: string): string;
  readonly addToWallet: string;
  readonly walletNotLoaded: string;
  readonly openInWallet: string;
  readonly walletQrCaption: string;
  readonly walletOnThisPhone: string;
  readonly walletAnother: string;
  readonly browserWallet: string;
  readonly searching: string;
  searchCount(count: number, shown: number): string;
  readonly searchUnavailable: string;
  /** "No results. Try …, or " + a link to every achievement + "." */
  readonly searchNothing: string;
  readonly searchBrowseAll: string;
}

