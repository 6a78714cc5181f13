/**
 * A pull request's reviews, reduced to what each reviewer decided last. Pure: the Action lists
 * the reviews (src/action/reviews.ts), this reads them.
 */

/** One review as GitHub lists it: `APPROVED`, `CHANGES_REQUESTED`, `COMMENTED`, `DISMISSED`, `PENDING`. */
export interface SubmittedReview {
  login: string;
  state: string;
  /** ISO timestamp; a pending review has none. */
  submittedAt?: string;
}

/** The states that decide a reviewer's verdict; a comment or a pending review changes nothing. */
export type ReviewVerdict = 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';

const VERDICTS: ReadonlySet<string> = new Set<ReviewVerdict>(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/**
 * Each reviewer's latest verdict, by lower-cased login (GitHub logins are case-insensitive). An
 * approval counts only while it is the reviewer's latest verdict: a later CHANGES_REQUESTED
 * replaces it, and a dismissed approval is listed by GitHub with the state DISMISSED. Reviews are
 * taken in the order they were submitted (GitHub lists them so; the timestamps decide if not).
 */
export function latestVerdicts(reviews: readonly SubmittedReview[]): Map<string, ReviewVerdict> {
  const deciding = reviews
    .map((review, order) => ({ review, order }))
    .filter(({ review }) => review.login !== '' && VERDICTS.has(review.state))
    .sort((a, b) => timeOf(a.review) - timeOf(b.review) || a.order - b.order);
  const verdicts = new Map<string, ReviewVerdict>();
  for (const { review } of deciding) verdicts.set(review.login.toLowerCase(), review.state as ReviewVerdict);
  return verdicts;
}

/** Every login that reviewed at all (a comment included), lower-cased. */
export function reviewersOf(reviews: readonly SubmittedReview[]): Set<string> {
  return new Set(reviews.filter((r) => r.login !== '' && r.state !== 'PENDING').map((r) => r.login.toLowerCase()));
}

/** Milliseconds since the epoch; 0 (first) for a review without a readable time. */
function timeOf(review: SubmittedReview): number {
  const time = review.submittedAt === undefined ? NaN : Date.parse(review.submittedAt);
  return Number.isFinite(time) ? time : 0;
}
