import { describe, expect, it } from 'vitest';
import type { Level } from '../../src/types.js';
import { compareLevels, dominates, formatPortion, mostRestrictive } from '../../src/markings/index.js';
import { parsed } from './helpers.js';

describe('compareLevels', () => {
  const order: Level[] = ['U', 'C', 'S', 'TS'];
  it.each(order.flatMap((a, i) => order.map((b, j) => [a, b, Math.sign(i - j)] as const)))('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(compareLevels(a, b))).toBe(sign);
  });
  it('sorts levels', () => {
    expect((['TS', 'U', 'S', 'C'] as Level[]).sort(compareLevels)).toEqual(order);
  });
});

describe('dominates', () => {
  it.each([
    // [a, b, a dominates b]
    ['(S)', '(C)', true],
    ['(C)', '(S)', false],
    ['(S)', '(S)', true],
    ['(S//NF)', '(S)', true],
    ['(S)', '(S//NF)', false],
    ['(S//NF)', '(S//REL TO USA, GBR)', true],
    ['(S//REL TO USA, GBR)', '(S//NF)', false],
    ['(S//REL TO USA, GBR)', '(S//REL TO USA, GBR, FRA)', true],
    ['(S//REL TO USA, GBR, FRA)', '(S//REL TO USA, GBR)', false],
    ['(S//REL TO USA, GBR)', '(S//REL TO USA, FVEY)', true],
    ['(S//REL TO USA, FVEY)', '(S//REL TO USA, GBR)', false],
    ['(S//REL TO USA, GBR)', '(S)', true],
    ['(S)', '(S//REL TO USA, GBR)', false],
    ['(TS//SI//NF)', '(S//NF)', true],
    ['(TS//NF)', '(S//SI//NF)', false],
    ['(TS//SI/TK)', '(TS//SI)', true],
    ['(C)', '(U//FOUO)', true],
    ['(C)', '(U//SBU)', true],
    ['(U)', '(U//SBU)', false],
    ['(U//SBU)', '(U//FOUO)', true],
    ['(U//FOUO)', '(U//SBU)', false],
    ['(S//NF//ND)', '(S//NF//XD)', true],
    ['(S//NF//XD)', '(S//NF//ND)', false],
    ['(S//NF//XD)', '(S//DS)', true],
    ['(S//FGI//NF)', '(S//FGI DEU//NF)', true],
    ['(S//FGI DEU//NF)', '(S//FGI//NF)', false],
    ['(S//FGI DEU GBR)', '(S//FGI DEU)', true],
    ['(S//FGI DEU)', '(S//FGI DEU GBR)', false],
    ['(S)', '(S//FGI)', false],
    ['(S//NF)', '(S//RELIDO)', true],
    ['(S)', '(S//RELIDO)', true],
    ['(S//RELIDO)', '(S//NF)', false],
    ['(S//NATO)', '(NC)', true],
    ['(S)', '(NC)', false],
  ] as const)('%s ≥ %s is %s', (a, b, expected) => {
    expect(dominates(parsed(a), parsed(b))).toBe(expected);
  });
});

describe('mostRestrictive', () => {
  it.each([
    ['(U)', '(SBU)', '(U//SBU)'],
    ['(SBU)', '(U)', '(U//SBU)'],
    ['(C)', '(S)', '(S)'],
    ['(C)', '(U//SBU)', '(C//SBU)'],
    ['(S)', '(C//NF)', '(S//NF)'],
    ['(S//REL TO USA, GBR, FRA)', '(C//REL TO USA, GBR)', '(S//REL TO USA, GBR)'],
    ['(S//REL TO USA, FRA)', '(C//REL TO USA, GBR)', '(S//NF)'],
    ['(S//REL TO USA, GBR)', '(C)', '(S//NF)'],
    ['(S//REL TO USA, GBR)', '(U)', '(S//REL TO USA, GBR)'],
    ['(S//REL TO USA, GBR)', '(C//NF)', '(S//NF)'],
    ['(S//NF//XD)', '(C//NF//ND)', '(S//NF//ND)'],
    ['(S//FGI DEU)', '(C//FGI)', '(S//FGI)'],
  ] as const)('%s + %s → %s', (a, b, expected) => {
    const pa = parsed(a);
    const pb = parsed(b);
    const r = mostRestrictive(pa, pb);
    expect(formatPortion(r)).toBe(expected);
    expect(r.raw).toBe(`${a} ${b}`);
    expect(dominates(r, pa) && dominates(r, pb)).toBe(true);
  });
});
