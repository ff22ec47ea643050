/** fast-check generators of valid USCCs, spread over every department/category pair. */
import fc from 'fast-check';
import { composeUscc, USCC_ALPHABET } from '../../core/uscc';

const PAIRS: Array<[string, string]> = Object.entries({
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
}).flatMap(([d, cats]) => cats.split('').map((c): [string, string] => [d, c]));

const AREAS = [
  '230402',
  '230403',
  '230404',
  '230405',
  '230406',
  '230407',
  '230421',
  '230422',
  '230400',
  '230000',
  '110108',
  '350100',
  '100000',
];

/** Org-code body characters: digits and the USCC letters (an org code never uses I, O, S, V, Z here). */
const ORG_CHARS = USCC_ALPHABET.split('');

export const validUscc = fc
  .record({
    pair: fc.constantFrom(...PAIRS),
    area: fc.constantFrom(...AREAS),
    org8: fc.array(fc.constantFrom(...ORG_CHARS), { minLength: 8, maxLength: 8 }).map((a) => a.join('')),
  })
  .map(({ pair, area, org8 }) => composeUscc({ department: pair[0], category: pair[1], area, org8 }));
