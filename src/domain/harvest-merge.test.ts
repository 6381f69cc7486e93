import { describe, expect, it } from 'vitest';
import { emptyNotes, type RawNotes } from './harvest.ts';
import { hasOthersWork, mergeNotes } from './harvest-merge.ts';

const notes = (over: Partial<RawNotes>): RawNotes => ({ ...emptyNotes(), ...over });

describe('merging co-facilitators’ notes', () => {
  it('keeps both facilitators’ answers, different questions and the same question alike', () => {
    const stored = notes({ answers: { participants: '12', topics: 'wonen' } });
    const mine = notes({ answers: { topics: 'eenzaamheid', touched: 'de koffie' } });
    const merged = mergeNotes(stored, mine);
    expect(merged.answers).toEqual({
      participants: '12',
      topics: 'wonen\n\neenzaamheid',
      touched: 'de koffie',
    });
    expect(hasOthersWork(merged, mine)).toBe(true);
    // The same person saving again (their state already holds both) changes nothing.
    expect(mergeNotes(merged, merged)).toEqual(merged);
    expect(hasOthersWork(mergeNotes(merged, merged), merged)).toBe(false);
  });

  it('takes the longer answer that contains the stored one, and does not undo it with a stale copy', () => {
    const stored = notes({ answers: { topics: 'wonen' } });
    expect(
      mergeNotes(stored, notes({ answers: { topics: 'wonen, en de bibliotheek' } })).answers.topics,
    ).toBe('wonen, en de bibliotheek');
    const longer = notes({ answers: { topics: 'wonen, en de bibliotheek' } });
    expect(mergeNotes(longer, notes({ answers: { topics: 'wonen' } })).answers.topics).toBe(
      'wonen, en de bibliotheek',
    );
  });

  it('a skip only stands while nobody answered; attachments are united once per file', () => {
    const stored = notes({
      answers: { signals: 'meer bankjes' },
      attachments: [{ kind: 'photo', question: 'topics', ref: 'f1', status: 'read' }],
    });
    const mine = notes({
      skipped: ['signals', 'quotes'],
      attachments: [
        { kind: 'photo', question: 'topics', ref: 'f1', status: 'pending' },
        { kind: 'voice', question: 'touched', ref: 'f2', status: 'pending' },
      ],
    });
    const merged = mergeNotes(stored, mine);
    expect(merged.skipped).toEqual(['quotes']);
    expect(merged.attachments).toEqual([
      { kind: 'photo', question: 'topics', ref: 'f1', status: 'read' },
      { kind: 'voice', question: 'touched', ref: 'f2', status: 'pending' },
    ]);
    // The stored order stays (reading jobs refer to an attachment by its index).
    const co = notes({ attachments: [{ kind: 'voice', question: 'ideas', ref: 'f3' }] });
    expect(mergeNotes(merged, co).attachments.map((a) => a.ref)).toEqual(['f1', 'f2', 'f3']);
    // Two voice notes without a file reference for one question stay two.
    const old = { kind: 'voice' as const, question: 'touched' as const };
    expect(
      mergeNotes(notes({ attachments: [old] }), notes({ attachments: [old, old] })).attachments,
    ).toHaveLength(2);
  });
});
