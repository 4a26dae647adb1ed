import { createHash } from 'node:crypto';
import {
  type ChainedEventContent,
  changedFields,
  eventHash,
  findChainBreak,
  GENESIS_HASH,
  type HashAlgorithm,
  type StoredEvent,
} from '../../../src/domain/audit/hash-chain';

function content(seq: number, overrides: Partial<ChainedEventContent> = {}): ChainedEventContent {
  return {
    chainId: '0190f3a1-c2d3-7e4f-8a9b-0c1d2e3f4a5b',
    seq,
    occurredAt: `2024-10-08T0${seq % 10}:00:00.000Z`,
    actorType: 'officer',
    actorId: '0190f3a1-c2d3-7e4f-8a9b-000000000001',
    action: 'unit.updated',
    entityType: 'unit',
    entityId: `unit-${seq}`,
    changes: { name: { before: `科${seq}`, after: `科${seq + 1}` }, tags: [1, { b: 2, a: 1 }] },
    requestId: `req-${seq}`,
    clientAddress: '10.0.0.1',
    ...overrides,
  };
}

/** A correctly chained run of events, starting at seq 1 from the genesis hash. */
function chain(length: number, algorithm: HashAlgorithm = 'sm3'): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const c = content(seq);
    const hash = eventHash(algorithm, prevHash, c);
    events.push({ ...c, hashAlgorithm: algorithm, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

/** Replaces one event (by index) with changed fields, keeping its stored hashes. */
function edited(events: StoredEvent[], index: number, change: Partial<StoredEvent>): StoredEvent[] {
  return events.map((e, i) => (i === index ? { ...e, ...change } : e));
}

describe('eventHash', () => {
  it('is deterministic and a 64-hex digest for both algorithms', () => {
    for (const algorithm of ['sm3', 'sha256'] as const) {
      const a = eventHash(algorithm, GENESIS_HASH, content(1));
      expect(a).toMatch(/^[0-9a-f]{64}$/);
      expect(eventHash(algorithm, GENESIS_HASH, content(1))).toBe(a);
    }
  });

  it('differs between SM3 and SHA-256', () => {
    expect(eventHash('sm3', GENESIS_HASH, content(1))).not.toBe(
      eventHash('sha256', GENESIS_HASH, content(1)),
    );
  });

  it('uses the SM3 of GB/T 32905-2016 (Node crypto), not a look-alike', () => {
    // GB/T 32905-2016 Appendix A, example 1: SM3("abc").
    expect(createHash('sm3').update('abc').digest('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
  });

  it('does not depend on the order of keys, at any depth', () => {
    const c = content(1);
    const reordered = Object.fromEntries(Object.entries(c).reverse()) as unknown as ChainedEventContent;
    reordered.changes = { tags: [1, { a: 1, b: 2 }], name: { after: '科2', before: '科1' } };
    expect(eventHash('sm3', GENESIS_HASH, reordered)).toBe(eventHash('sm3', GENESIS_HASH, c));
  });

  it('keeps the order of array elements significant', () => {
    const a = content(1, { changes: { roles: ['admin', 'officer'] } });
    const b = content(1, { changes: { roles: ['officer', 'admin'] } });
    expect(eventHash('sm3', GENESIS_HASH, a)).not.toBe(eventHash('sm3', GENESIS_HASH, b));
  });

  it('changes with any member of the content and with the previous hash', () => {
    const base = eventHash('sm3', GENESIS_HASH, content(1));
    const variants: Partial<ChainedEventContent>[] = [
      { chainId: 'platform' },
      { seq: 2 },
      { occurredAt: '2024-10-08T01:00:00.001Z' },
      { actorType: 'api_key' },
      { actorId: 'someone-else' },
      { action: 'unit.created' },
      { entityType: 'officer' },
      { entityId: 'unit-9' },
      { changes: { name: { before: '科1', after: '科3' } } },
      { requestId: 'req-x' },
      { clientAddress: null },
    ];
    for (const variant of variants) {
      expect(eventHash('sm3', GENESIS_HASH, content(1, variant))).not.toBe(base);
    }
    expect(eventHash('sm3', 'f'.repeat(64), content(1))).not.toBe(base);
  });

  it('tells a null member from a missing one only as canonical JSON does (undefined is dropped)', () => {
    const withUndefined = content(1, { changes: { a: 1, b: undefined } });
    expect(eventHash('sm3', GENESIS_HASH, withUndefined)).toBe(
      eventHash('sm3', GENESIS_HASH, content(1, { changes: { a: 1 } })),
    );
    expect(eventHash('sm3', GENESIS_HASH, content(1, { changes: { a: 1, b: null } }))).not.toBe(
      eventHash('sm3', GENESIS_HASH, content(1, { changes: { a: 1 } })),
    );
  });
});

describe('findChainBreak', () => {
  it('accepts an empty chain and intact chains of either algorithm', () => {
    expect(findChainBreak([])).toBeNull();
    expect(findChainBreak(chain(1))).toBeNull();
    expect(findChainBreak(chain(25))).toBeNull();
    expect(findChainBreak(chain(25, 'sha256'))).toBeNull();
  });

  it('accepts a chain whose algorithm changes part-way (each event names its own)', () => {
    const events = chain(3);
    const third = events[2];
    if (!third) throw new Error('no third event');
    const { hashAlgorithm: _a, prevHash, hash: _h, ...c } = third;
    const resealed = { ...third, hashAlgorithm: 'sha256' as const, hash: eventHash('sha256', prevHash, c) };
    expect(findChainBreak([...events.slice(0, 2), resealed])).toBeNull();
  });

  it('verifies a batch that continues from a previous one', () => {
    const events = chain(10);
    const cut = events[5];
    if (!cut) throw new Error('no cut event');
    expect(findChainBreak(events.slice(6), { seq: cut.seq, hash: cut.hash })).toBeNull();
    // …but not from the wrong predecessor.
    expect(findChainBreak(events.slice(6), { seq: cut.seq, hash: GENESIS_HASH })).toEqual({
      seq: 7,
      problem: 'PREVIOUS_HASH_MISMATCH',
    });
  });

  it('reports a missing event as a gap at the next one present', () => {
    const events = chain(6);
    expect(findChainBreak([...events.slice(0, 3), ...events.slice(4)])).toEqual({
      seq: 5,
      problem: 'SEQUENCE_GAP',
      expectedSeq: 4,
    });
  });

  it('reports a missing first event', () => {
    expect(findChainBreak(chain(3).slice(1))).toEqual({ seq: 2, problem: 'SEQUENCE_GAP', expectedSeq: 1 });
  });

  it('reports reordered events', () => {
    const [a, b, c] = chain(3);
    if (!a || !b || !c) throw new Error('short chain');
    expect(findChainBreak([a, c, b])).toEqual({ seq: 3, problem: 'SEQUENCE_GAP', expectedSeq: 2 });
  });

  it('reports a renumbered event as broken (seq is part of the hashed content)', () => {
    const events = chain(4);
    const renumbered = [...events.slice(0, 2), { ...(events[3] as StoredEvent), seq: 3 }];
    expect(findChainBreak(renumbered)).toEqual({ seq: 3, problem: 'PREVIOUS_HASH_MISMATCH' });
  });

  it('reports edited content at the edited event, whichever member changed', () => {
    const events = chain(8);
    const edits: Partial<StoredEvent>[] = [
      { changes: { name: { before: '科4', after: '篡改' } } },
      { actorId: 'someone-else' },
      { occurredAt: '2020-01-01T00:00:00.000Z' },
      { clientAddress: '192.168.1.1' },
      { action: 'unit.created' },
    ];
    for (const change of edits) {
      expect(findChainBreak(edited(events, 3, change))).toEqual({ seq: 4, problem: 'HASH_MISMATCH' });
    }
  });

  it('reports an event whose hash was recomputed after an edit at its successor', () => {
    const events = chain(5);
    const target = events[1] as StoredEvent;
    const { hashAlgorithm, prevHash, hash: _h, ...c } = target;
    const forged = { ...c, changes: { forged: true } };
    const resealed = edited(events, 1, {
      changes: forged.changes,
      hash: eventHash(hashAlgorithm, prevHash, forged),
    });
    expect(findChainBreak(resealed)).toEqual({ seq: 3, problem: 'PREVIOUS_HASH_MISMATCH' });
  });

  it('reports an edited prevHash', () => {
    const events = chain(5);
    expect(findChainBreak(edited(events, 2, { prevHash: 'a'.repeat(64) }))).toEqual({
      seq: 3,
      problem: 'PREVIOUS_HASH_MISMATCH',
    });
  });

  it('reports an edited hash at that event', () => {
    const events = chain(5);
    expect(findChainBreak(edited(events, 4, { hash: 'b'.repeat(64) }))).toEqual({
      seq: 5,
      problem: 'HASH_MISMATCH',
    });
  });

  it('reports an event sealed with another algorithm than it names', () => {
    const events = chain(3);
    expect(findChainBreak(edited(events, 0, { hashAlgorithm: 'sha256' }))).toEqual({
      seq: 1,
      problem: 'HASH_MISMATCH',
    });
  });

  it('reports only the first of several breaks', () => {
    const events = edited(edited(chain(6), 4, { actorId: 'x' }), 1, { actorId: 'y' });
    expect(findChainBreak(events)).toEqual({ seq: 2, problem: 'HASH_MISMATCH' });
  });
});

describe('changedFields', () => {
  it('lists every field of a created record as before null', () => {
    expect(changedFields(null, { name: '法规科', kind: 'section' })).toEqual({
      kind: { before: null, after: 'section' },
      name: { before: null, after: '法规科' },
    });
  });

  it('lists every field of a removed record as after null', () => {
    expect(changedFields({ name: '法规科' }, null)).toEqual({ name: { before: '法规科', after: null } });
  });

  it('lists only the fields whose values differ', () => {
    expect(
      changedFields(
        { name: '法规科', kind: 'section', status: 'active' },
        { name: '法制科', kind: 'section', status: 'active' },
      ),
    ).toEqual({ name: { before: '法规科', after: '法制科' } });
  });

  it('leaves out bookkeeping: version, createdAt, updatedAt', () => {
    expect(
      changedFields(
        { name: '法规科', version: 1, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z' },
        { name: '法制科', version: 2, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-10-08T00:00:00Z' },
      ),
    ).toEqual({ name: { before: '法规科', after: '法制科' } });
    expect(changedFields(null, { id: 'u1', version: 1, createdAt: '2024-01-01T00:00:00Z' })).toEqual({
      id: { before: null, after: 'u1' },
    });
  });

  it('is empty when nothing changed, and for two nulls', () => {
    expect(changedFields({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual({});
    expect(changedFields(null, null)).toEqual({});
  });

  it('compares nested values deeply and ignores key order inside them', () => {
    expect(
      changedFields({ cert: { number: '东0001', valid: true } }, { cert: { valid: true, number: '东0001' } }),
    ).toEqual({});
    expect(changedFields({ roles: ['officer'] }, { roles: ['officer', 'unit_head'] })).toEqual({
      roles: { before: ['officer'], after: ['officer', 'unit_head'] },
    });
  });

  it('treats a missing field, undefined and null alike', () => {
    expect(changedFields({ a: null }, { a: undefined })).toEqual({});
    expect(changedFields({ a: null }, {})).toEqual({});
    expect(changedFields({}, { a: 0 })).toEqual({ a: { before: null, after: 0 } });
  });

  it('distinguishes values that are loosely equal', () => {
    expect(changedFields({ a: 0 }, { a: false })).toEqual({ a: { before: 0, after: false } });
    expect(changedFields({ a: '1' }, { a: 1 })).toEqual({ a: { before: '1', after: 1 } });
  });

  it('returns the keys in sorted order, so events read the same every time', () => {
    expect(Object.keys(changedFields(null, { z: 1, a: 1, m: 1 }))).toEqual(['a', 'm', 'z']);
  });
});
