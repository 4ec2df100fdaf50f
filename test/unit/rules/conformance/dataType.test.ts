import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dataType, DATA_TYPE } from '../../../../server/src/rules/conformance/dataType';
import { at, edit, I, P, run } from './helpers';

describe(DATA_TYPE, () => {
  test('fires on a month 13 service date (DTP03 read by its D8 qualifier)', () => {
    const broken = edit(P, 'DTP*472*D8*20260202~', 'DTP*472*D8*20261302~');
    const [f, ...rest] = run(dataType, broken);
    assert.equal(rest.length, 0);
    assert.equal(at(broken, f), '20261302');
    assert.match(f.message, /loop 2400 Service Line Number, DTP03 Service Date: 20261302 is not a real date in CCYYMMDD form/);
    assert.match(f.message, /IK4 error 8, invalid date/);
  });

  test('fires on February 30, an RD8 range that ends before it starts, a bad time and a charge that is not a number', () => {
    assert.equal(run(dataType, edit(P, 'DTP*472*D8*20260202~', 'DTP*472*D8*20260230~')).length, 1);
    assert.match(run(dataType, edit(I, 'RD8^20260202-20260202', 'RD8^20260203-20260202'))[0].message, /ends \(20260202\) before it starts \(20260203\)/);
    assert.match(run(dataType, edit(P, 'BHT*0019*00*SV20260204A*20260204*1030*CH~', 'BHT*0019*00*SV20260204A*20260204*2530*CH~'))[0].message, /"2530" is not a real time/);
    assert.match(run(dataType, edit(P, 'CLM*SVO-24001*2160*', 'CLM*SVO-24001*21X0*'))[0].message, /"21X0" is not a decimal number \(data type R\)/);
  });

  test('fires on the envelope too: a bad ISA09 date is refused with the whole interchange, a bad GS04 with its group', () => {
    const isa = edit(P, '*260204*1030*^*', '*261399*1030*^*');
    const [f, ...rest] = run(dataType, isa);
    assert.equal(rest.length, 0);
    assert.equal(at(isa, f), '261399');
    assert.match(f.message, /ISA09 Interchange Date: "261399" is not a real date YYMMDD/);
    assert.match(f.message, /rejects the whole interchange \(a TA1 acknowledgment\)/);
    const gs = edit(P, '*CLEARHOUSE01*20260204*1030*4711*', '*CLEARHOUSE01*20260230*1030*4711*');
    assert.match(run(dataType, gs)[0].message, /GS04 .*"20260230" is not a real date CCYYMMDD.*rejects the functional group/);
  });

  test('accepts leap days and one-day ranges', () => {
    assert.deepEqual(run(dataType, edit(P, 'DTP*472*D8*20260202~', 'DTP*472*D8*20280229~')), []);
  });

  test('does not fire on the clean fixtures', () => {
    assert.deepEqual(run(dataType, P), []);
    assert.deepEqual(run(dataType, I), []);
  });
});
