import { describe, expect, it } from 'vitest';
import { classifyOfferReply } from './offer-typed.ts';

describe('classifyOfferReply: typed answers to an offer', () => {
  it.each([
    ['ik kan niet, ben op vakantie', { intent: 'decline', reason: 'day' }],
    ["sorry, I'm away that week", { intent: 'decline', reason: 'day' }],
    ['Nee, dat is te ver weg voor mij', { intent: 'decline', reason: 'distance' }],
    ['no thanks, not my topic', { intent: 'decline', reason: 'theme' }],
    ['nee', { intent: 'decline', reason: null }],
    ["I can't", { intent: 'decline', reason: null }],
    ['helaas, die avond heb ik een afspraak', { intent: 'decline', reason: 'day' }],
    ['ja, ik kom graag', { intent: 'accept' }],
    ['yes I can', { intent: 'accept' }],
    ['Geen probleem, ik doe het!', { intent: 'accept' }],
  ])('%s', (text, expected) => {
    expect(classifyOfferReply(text)).toEqual(expected);
  });

  it.each([
    'misschien',
    'kan ik ook later beslissen?',
    'ja, maar ik kan niet echt',
    'ja ik kom niet',
    'ok',
    'bedankt!',
    'sorry',
    'ik heb tijd genoeg',
    'maybe next week',
    '',
  ])('never acts on unclear text: %s', (text) => {
    expect(classifyOfferReply(text)).toEqual({ intent: 'unclear' });
  });
});
