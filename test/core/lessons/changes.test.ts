// "What happened": one sentence on how a step did against the one before it.
import { describe, expect, it } from 'vitest';
import { changeSentence } from '../../../src-main/core/lessons';

const mlp = { number: 2, params: 101_770, valAcc: 0.886, seconds: 40 };
const pool = { number: 4, params: 27_210, valAcc: 0.905, seconds: 60 };

describe('changeSentence', () => {
  it('says how parameters, test accuracy and training time changed, in English', () => {
    expect(changeSentence(mlp, pool, 'en')).toBe(
      'Compared with step 2: 3.7 times fewer parameters (101,770 → 27,210), test accuracy up 1.9 points to 90.5%, training took 1.5 times longer.',
    );
  });

  it('says it in Polish, with "raza" after a fraction and "razy" after a whole number', () => {
    expect(changeSentence(mlp, pool, 'pl')).toBe(
      'W porównaniu z krokiem 2: 3,7 raza mniej parametrów (101\u00a0770 → 27\u00a0210), trafność na literach testowych wyższa o 1,9 pkt proc., do 90,5%, trening trwał 1,5 raza dłużej.',
    );
    const big = { number: 3, params: 27_210 * 12, valAcc: 0.8, seconds: 30 };
    expect(changeSentence(pool, big, 'pl')).toMatch(
      /^W porównaniu z krokiem 4: 12 razy więcej parametrów/,
    );
    expect(changeSentence(pool, big, 'pl')).toMatch(
      /niższa o 10,5 pkt proc\., do 80,0%, trening trwał 2 razy krócej\.$/,
    );
  });

  it('calls small changes "about the same"', () => {
    const close = { number: 5, params: 28_000, valAcc: 0.907, seconds: 62 };
    expect(changeSentence(pool, close, 'en')).toBe(
      'Compared with step 4: about as many parameters (28,000), about the same test accuracy (90.7%), training took about as long.',
    );
  });
});
