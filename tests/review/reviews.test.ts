import { latestVerdicts, reviewersOf } from '../../src/review/reviews.js';

describe('latestVerdicts', () => {
  it('keeps each reviewer\'s latest APPROVED, CHANGES_REQUESTED or DISMISSED, by lower-cased login', () => {
    const verdicts = latestVerdicts([
      { login: 'Gharlow', state: 'APPROVED', submittedAt: '2026-11-20T10:00:00Z' },
      { login: 'gharlow', state: 'COMMENTED', submittedAt: '2026-11-20T11:00:00Z' },
      { login: 'mokafor', state: 'APPROVED', submittedAt: '2026-11-20T10:00:00Z' },
      { login: 'mokafor', state: 'CHANGES_REQUESTED', submittedAt: '2026-11-20T12:00:00Z' },
      { login: 'hvogel', state: 'DISMISSED', submittedAt: '2026-11-20T10:00:00Z' },
      { login: 'amensah', state: 'PENDING' },
      { login: 'ecoe', state: 'COMMENTED', submittedAt: '2026-11-20T10:00:00Z' },
    ]);
    expect([...verdicts].sort()).toEqual([
      ['gharlow', 'APPROVED'],
      ['hvogel', 'DISMISSED'],
      ['mokafor', 'CHANGES_REQUESTED'],
    ]);
  });

  it('orders by submission time, whatever order the list comes in, and by list order for equal times', () => {
    expect(latestVerdicts([
      { login: 'gharlow', state: 'CHANGES_REQUESTED', submittedAt: '2026-11-21T09:00:00Z' },
      { login: 'gharlow', state: 'APPROVED', submittedAt: '2026-11-20T09:00:00Z' },
    ]).get('gharlow')).toBe('CHANGES_REQUESTED');
    expect(latestVerdicts([
      { login: 'gharlow', state: 'CHANGES_REQUESTED', submittedAt: '2026-11-20T09:00:00Z' },
      { login: 'gharlow', state: 'APPROVED', submittedAt: '2026-11-20T09:00:00Z' },
    ]).get('gharlow')).toBe('APPROVED');
  });

  it('reviewersOf: everyone who submitted a review, comments included', () => {
    expect([...reviewersOf([{ login: 'A', state: 'COMMENTED' }, { login: 'b', state: 'PENDING' }, { login: 'c', state: 'APPROVED' }])].sort()).toEqual(['a', 'c']);
  });
});
