import { describe, expect, it } from 'vitest';
import { checkOfferTiming, type EarlierOffer } from '../../../src/domain/offers/offer-cooldown.ts';

const NOW = new Date('2026-12-03T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000);
const offer = (fields: Partial<EarlierOffer>): EarlierOffer => ({
  id: 'o1',
  status: 'approved',
  createdAt: daysAgo(40),
  codeExpiresAt: null,
  ...fields,
});

describe('checkOfferTiming: no stacking', () => {
  it.each<{ rule: string; earlier: Partial<EarlierOffer>; kind: string }>([
    { rule: 'an offer waiting for approval is in play', earlier: { status: 'pending_approval' }, kind: 'active' },
    { rule: 'a proposed offer is in play', earlier: { status: 'proposed' }, kind: 'active' },
    { rule: 'an approved offer with a live code is in play', earlier: { codeExpiresAt: daysAgo(-1) }, kind: 'active' },
    { rule: 'a sent offer is in play', earlier: { status: 'sent' }, kind: 'active' },
    { rule: 'an approved offer whose code expired is not', earlier: { codeExpiresAt: daysAgo(1) }, kind: 'free' },
    { rule: 'a code expiring right now is not', earlier: { codeExpiresAt: NOW }, kind: 'free' },
    { rule: 'a rejected offer is not', earlier: { status: 'rejected' }, kind: 'free' },
    { rule: 'a replaced offer is not', earlier: { status: 'replaced' }, kind: 'free' },
  ])('$rule', ({ earlier, kind }) => {
    expect(checkOfferTiming([offer(earlier)], NOW, 30).kind).toBe(kind);
  });
});

describe('checkOfferTiming: 30-day cooldown', () => {
  it.each<{ rule: string; earlier: Partial<EarlierOffer>; kind: string }>([
    {
      rule: 'holds 29 days after the last offer',
      earlier: { status: 'accepted', createdAt: daysAgo(29) },
      kind: 'cooling_down',
    },
    { rule: 'ends 30 days after it, inclusive', earlier: { status: 'accepted', createdAt: daysAgo(30) }, kind: 'free' },
    { rule: 'counts a replaced offer', earlier: { status: 'replaced', createdAt: daysAgo(1) }, kind: 'cooling_down' },
    { rule: 'ignores a rejected offer', earlier: { status: 'rejected', createdAt: daysAgo(1) }, kind: 'free' },
    { rule: 'ignores an expired approval', earlier: { status: 'expired', createdAt: daysAgo(1) }, kind: 'free' },
  ])('$rule', ({ earlier, kind }) => {
    expect(checkOfferTiming([offer(earlier)], NOW, 30).kind).toBe(kind);
  });

  it('says until when, from the newest offer that counts', () => {
    const offers = [
      offer({ id: 'old', status: 'accepted', createdAt: daysAgo(25) }),
      offer({ id: 'new', status: 'accepted', createdAt: daysAgo(10) }),
      offer({ id: 'rejected', status: 'rejected', createdAt: daysAgo(1) }),
    ];
    expect(checkOfferTiming(offers, NOW, 30)).toEqual({
      kind: 'cooling_down',
      lastOfferAt: daysAgo(10),
      until: daysAgo(-20),
    });
  });

  it('lets a team with no cooldown (0 days) offer again at once', () => {
    expect(checkOfferTiming([offer({ status: 'accepted', createdAt: NOW })], NOW, 0).kind).toBe('free');
  });
});
