/** Reading power-list files (权责清单导入): CSV and JSON rows, per-row errors, the diff, the export. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CheckContext,
  CSV_COLUMNS,
  type CurrentItem,
  checkRows,
  comparable,
  diffList,
  type ExportItem,
  ImportFileError,
  type ItemContent,
  MAX_IMPORT_ROWS,
  neutraliseFormula,
  type ParsedFile,
  parseCsv,
  parseJson,
  restoreFormula,
  toCsv,
  type UnitRef,
} from '../../../src/domain/power-list/import-rows';
import { checkPowerItem } from '../../../src/modules/power-list/import-export.schemas';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/power-list', name), 'utf8');

const UNITS: UnitRef[] = [
  { id: '0b0c6a2e-1d7f-4e1a-9a55-2f4f1d6f0a01', name: '法规科', status: 'active', dissolvedOn: null },
  { id: '0b0c6a2e-1d7f-4e1a-9a55-2f4f1d6f0a02', name: '综合执法大队', status: 'active', dissolvedOn: null },
  {
    id: '0b0c6a2e-1d7f-4e1a-9a55-2f4f1d6f0a03',
    name: '韵家口市场监管所',
    status: 'active',
    dissolvedOn: null,
  },
  {
    id: '0b0c6a2e-1d7f-4e1a-9a55-2f4f1d6f0a04',
    name: '原食品科',
    status: 'dissolved',
    dissolvedOn: '2024-03-01',
  },
];
const unitId = (name: string) => UNITS.find((u) => u.name === name)?.id as string;

const context = (extra: Partial<CheckContext> = {}): CheckContext => ({
  current: [],
  units: UNITS,
  takenCodes: new Set(),
  effectiveOn: '2024-06-01',
  check: checkPowerItem,
  ...extra,
});

/** Parses and checks a CSV text. */
function readCsv(text: string, extra: Partial<CheckContext> = {}) {
  const parsed = parseCsv(text, UNITS);
  return { parsed, ...checkRows(parsed, context(extra)) };
}

const HEADER = '事项编码,事项名称,权力类别,设定依据,实施主体,行使层级';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');

function item(overrides: Partial<ItemContent> = {}): ItemContent {
  return {
    code: '630102-CF-0001',
    name: '对未取得食品经营许可从事食品经营活动的行政处罚',
    subItems: [],
    category: 'penalty',
    legalBasis: [{ law: '中华人民共和国食品安全法', article: '第一百二十二条' }],
    exercisingUnitIds: [unitId('综合执法大队')],
    level: 'county',
    responsibilities: {},
    accountability: [],
    benchmarks: [],
    ...overrides,
  };
}

describe('CSV', () => {
  it('reads the sample file: Chinese headers, multi-line cells, BOM, CRLF, benchmarks as JSON', () => {
    const text = fixture('power-list.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const { rows, errors } = readCsv(text);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.item.code])).toEqual([
      [2, '630102-XK-0001'],
      [3, '630102-CF-0001'],
      [4, '630102-CF-0002'],
      [5, '630102-JC-0001'],
      [6, '630102-QZ-0001'],
    ]);
    const [licence, penalty, , inspection] = rows.map((r) => r.item);
    expect(licence).toMatchObject({
      category: 'licensing',
      subItems: ['食品经营许可证核发', '食品经营许可证变更', '食品经营许可证延续'],
      legalBasis: [
        {
          law: '中华人民共和国食品安全法',
          article: '第三十五条',
          text: expect.stringMatching(/^国家对食品生产经营实行许可制度。/),
        },
        { law: '食品经营许可管理办法', article: '第二条' },
      ],
      exercisingUnitIds: [unitId('韵家口市场监管所')],
      level: 'county',
      responsibilities: {
        review: ['对申请材料进行审查，必要时现场核查'],
        decision: ['作出准予或者不予许可的决定'],
        service: ['依法送达食品经营许可证'],
        other: ['许可证后续监管'],
      },
      accountability: ['对符合法定条件的申请不予受理的', '对不符合法定条件的申请准予许可的'],
      benchmarks: [],
    });
    expect(licence).not.toHaveProperty('internalNotes');
    expect(penalty?.exercisingUnitIds).toEqual([unitId('综合执法大队'), unitId('韵家口市场监管所')]);
    expect(penalty?.responsibilities.investigation).toEqual(['指派两名以上执法人员调查取证', '出示执法证件']);
    expect(penalty?.benchmarks).toEqual([
      expect.objectContaining({ id: 'B1', basis: 'goods_value_multiple', legalRange: { min: 10, max: 20 } }),
    ]);
    expect(penalty?.internalNotes).toBe('2024年起适用首违不罚清单');
    // Units separated by a full-width semicolon.
    expect(inspection?.exercisingUnitIds).toEqual([unitId('韵家口市场监管所'), unitId('法规科')]);
  });

  it('accepts the alternative Chinese headers and the English ones', () => {
    const chinese = readCsv(
      [
        '编码,名称,类别,法律依据,承办科室,层级,子项,追责情形,备注',
        'A-1,某事项,行政处罚,某法|第一条,法规科,县级,子项一,情形一,注',
      ].join('\n'),
    );
    const english = readCsv(
      [
        'code,name,category,legalBasis,exercisingUnits,level,subItems,accountability,internalNotes',
        'A-1,某事项,penalty,某法|第一条,法规科,county,子项一,情形一,注',
      ].join('\n'),
    );
    expect(chinese.errors).toEqual([]);
    expect(english.errors).toEqual([]);
    expect(chinese.rows[0]?.item).toEqual(english.rows[0]?.item);
    expect(chinese.rows[0]?.item).toMatchObject({
      code: 'A-1',
      subItems: ['子项一'],
      accountability: ['情形一'],
      internalNotes: '注',
    });
  });

  it('reads categories and levels by code or Chinese name', () => {
    const { rows, errors } = readCsv(
      csv(
        'A-1,甲,行政许可,某法,法规科,省级',
        'A-2,乙,licensing,某法,法规科,province',
        'A-3,丙,公共服务,某法,法规科,乡镇（街道）',
        'A-4,丁,行政监督,某法,法规科,乡镇(街道)',
        'A-5,戊,其他行政权力,某法,法规科,市级',
      ),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.item.category, r.item.level])).toEqual([
      ['licensing', 'province'],
      ['licensing', 'province'],
      ['public_service', 'township'],
      ['supervision', 'township'],
      ['other', 'city'],
    ]);
  });

  it('reads legal bases as lines of 法律名称|条款|条文, with ｜ too, or as a JSON array', () => {
    const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;
    const { rows, errors } = readCsv(
      csv(
        `A-1,甲,行政处罚,${cell('中华人民共和国食品安全法\n产品质量法|第四十九条\n广告法||条文中有|竖线')},法规科,县级`,
        `A-2,乙,行政处罚,${cell('中华人民共和国价格法｜第四十条｜经营者有下列行为之一的')},法规科,县级`,
        `A-3,丙,行政处罚,${cell('[{"law":"某法","article":"第一条","text":"第一行\\n第二行"}]')},法规科,县级`,
      ),
    );
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.item.legalBasis)).toEqual([
      [
        { law: '中华人民共和国食品安全法' },
        { law: '产品质量法', article: '第四十九条' },
        { law: '广告法', text: '条文中有|竖线' },
      ],
      [{ law: '中华人民共和国价格法', article: '第四十条', text: '经营者有下列行为之一的' }],
      [{ law: '某法', article: '第一条', text: '第一行\n第二行' }],
    ]);
  });

  it('separates unit names by 、 ; ； or lines, and names unknown units in the error', () => {
    const { parsed, errors } = readCsv(
      csv(
        'A-1,甲,行政处罚,某法,"法规科;综合执法大队 ； 韵家口市场监管所",县级',
        'A-2,乙,行政处罚,某法,"法规科\n综合执法大队",县级',
        'A-3,丙,行政处罚,某法,法规科、食品科、稽查局,县级',
      ),
    );
    expect(parsed.rows[0]?.content.exercisingUnitIds).toEqual([
      unitId('法规科'),
      unitId('综合执法大队'),
      unitId('韵家口市场监管所'),
    ]);
    expect(parsed.rows[1]?.content.exercisingUnitIds).toEqual([unitId('法规科'), unitId('综合执法大队')]);
    expect(errors).toEqual([
      {
        row: 4,
        field: '实施主体',
        message: expect.stringMatching(/^unknown units “食品科”, “稽查局”; units of this agency: 法规科、/),
      },
    ]);
  });

  it('numbers rows as a spreadsheet does: header row 1, blank rows counted and skipped, multi-line cells one row', () => {
    const { rows, errors } = readCsv(
      [
        `\uFEFF${HEADER}`,
        'A-1,甲,行政处罚,"某法\n另法",法规科,县级',
        '',
        ',,,,,',
        'A-2,乙,行政处理,某法,法规科,县级',
      ].join('\r\n'),
    );
    expect(errors).toEqual([
      { row: 5, field: '权力类别', message: expect.stringMatching(/^unknown category “行政处理”/) },
    ]);
    expect(rows).toEqual([]);
    const ok = readCsv(
      [HEADER, 'A-1,甲,行政处罚,"某法\n另法",法规科,县级', '', 'A-2,乙,行政处罚,某法,法规科,县级'].join('\n'),
    );
    expect(ok.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('reports every bad row of a file at once, with its row and column', () => {
    const { rows, errors } = readCsv(fixture('power-list-invalid.csv'));
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, '权力类别'],
      [4, '实施主体'],
      [5, '事项名称'],
      [6, '事项编码'],
      [7, '设定依据'],
      [7, '行使层级'],
      [8, '裁量基准'],
    ]);
    expect(errors.find((e) => e.row === 5)?.message).toBe('is required');
    expect(errors.find((e) => e.row === 6)?.message).toBe('duplicate code 630102-CF-0101: already on row 2');
    expect(errors.find((e) => e.row === 7 && e.field === '设定依据')?.message).toMatch(/^entry 1 \(law\): /);
    expect(errors.find((e) => e.row === 8)?.message).toMatch(/penalty items/);
  });

  it('refuses unknown, repeated and missing columns in row 1', () => {
    const { errors } = readCsv(
      ['事项编码,名称,事项名称,类型,设定依据', 'A-1,甲,甲,行政处罚,某法'].join('\n'),
    );
    expect(errors).toEqual([
      { row: 1, field: '事项名称', message: 'the same field as column “名称”' },
      {
        row: 1,
        field: '类型',
        message: expect.stringMatching(/^unknown column; accepted: 事项编码, 事项名称/),
      },
      { row: 1, field: '权力类别', message: 'required column is missing' },
      { row: 1, field: '行使层级', message: 'required column is missing' },
    ]);
  });

  it('ignores a column without a header unless it has values; short rows have empty cells', () => {
    const { rows, errors } = readCsv(
      [
        `${HEADER},,备注`,
        'A-1,甲,行政处罚,某法,法规科,县级',
        'A-2,乙,行政处罚,某法,法规科,县级,多余,注',
      ].join('\n'),
    );
    expect(errors).toEqual([
      { row: 3, field: 'column 7', message: 'a value in a column without a (known) header' },
    ]);
    expect(rows).toEqual([]);
  });

  it('reports schema errors in the column the value came from', () => {
    const { errors } = readCsv(
      [
        '事项编码,事项名称,权力类别,设定依据,行使层级,调查责任,裁量基准',
        `坏 编码,${'名'.repeat(501)},行政处罚,,县级,,"[{""id"":""B1""}]"`,
      ].join('\n'),
    );
    expect(errors).toEqual([
      { row: 2, field: '事项编码', message: expect.stringMatching(/must match pattern/) },
      { row: 2, field: '事项名称', message: expect.stringMatching(/500 characters/) },
      { row: 2, field: '设定依据', message: expect.stringMatching(/fewer than 1 items/) },
      ...['violation', 'basis', 'legalRange', 'tiers'].map(() => ({
        row: 2,
        field: '裁量基准',
        message: expect.stringMatching(/^entry 1 \((violation|basis|legalRange|tiers)\): is required$/),
      })),
    ]);
  });

  it('refuses a dissolved unit, a code already used by an item not in force, and bad benchmark ranges', () => {
    const bench = JSON.stringify([
      {
        id: 'B1',
        violation: '某违法行为',
        basis: 'fixed',
        legalRange: { min: 1000, max: 5000 },
        tiers: [{ tier: 'heavy', min: 4000, max: 8000, conditions: [] }],
      },
    ]).replaceAll('"', '""');
    const { errors } = readCsv(
      [
        `${HEADER},裁量基准`,
        'A-1,甲,行政处罚,某法,原食品科,县级,',
        'A-2,乙,行政处罚,某法,法规科,县级,',
        `A-3,丙,行政处罚,某法,法规科,县级,"${bench}"`,
      ].join('\n'),
      { takenCodes: new Set(['A-2']) },
    );
    expect(errors).toEqual([
      { row: 2, field: '实施主体', message: 'entry 1: 原食品科 was dissolved on 2024-03-01' },
      {
        row: 3,
        field: '事项编码',
        message: expect.stringMatching(/^code A-2 belongs to an item that is not in force/),
      },
      {
        row: 4,
        field: '裁量基准',
        message: expect.stringMatching(/^entry 1 \(tiers\/0\): heavy 4000–8000 lies outside/),
      },
    ]);
  });

  it('keeps the current value of a field whose column the file leaves out, and clears it for an empty cell', () => {
    const existing = item({
      internalNotes: '内部备注',
      responsibilities: { filing: ['立案'], decision: ['决定'] },
      benchmarks: [
        {
          id: 'B1',
          legalRange: { min: 1, max: 2 },
          tiers: [{ tier: 'normal', min: 1, max: 2, conditions: [] }],
          ...({ violation: '某违法行为', basis: 'fixed' } as object),
        } as unknown as ItemContent['benchmarks'][number],
      ],
    });
    const current: CurrentItem[] = [{ id: 'item-1', content: existing }];
    const row = `${existing.code},${existing.name},行政处罚,中华人民共和国食品安全法|第一百二十二条,综合执法大队,县级`;
    const kept = readCsv(csv(row), { current });
    expect(kept.errors).toEqual([]);
    expect(kept.rows[0]?.item).toEqual(existing);
    expect(diffList(current, [kept.rows[0]?.item as ItemContent], 'merge')).toMatchObject({
      add: [],
      modify: [],
      unchanged: 1,
    });

    const cleared = readCsv([`${HEADER},备注,立案责任`, `${row},,`].join('\n'), { current });
    expect(cleared.rows[0]?.item.internalNotes).toBeUndefined();
    // The 决定 stage had no column: kept; 立案 had an empty cell: cleared.
    expect(cleared.rows[0]?.item.responsibilities).toEqual({ decision: ['决定'] });
    expect(cleared.rows[0]?.item.benchmarks).toHaveLength(1);
  });

  it('refuses files it cannot read at all', () => {
    expect(() => parseCsv('', UNITS)).toThrow(ImportFileError);
    expect(() => parseCsv(`${HEADER}\nA-1,"unclosed`, UNITS)).toThrow(/Not a readable CSV file/);
    const many = [
      HEADER,
      ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `A-${i},甲,行政处罚,某法,法规科,县级`),
    ];
    expect(() => parseCsv(many.join('\n'), UNITS)).toThrow(/At most 5000 rows/);
  });
});

describe('JSON', () => {
  it('reads the sample file and fills in the defaults', () => {
    const { rows, errors } = checkRows(parseJson(fixture('power-list.json')), context());
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(5);
    const minimal = checkRows(
      parseJson(
        JSON.stringify([
          { code: 'A-1', name: '甲', category: 'penalty', legalBasis: [{ law: '某法' }], level: 'county' },
        ]),
      ),
      context(),
    );
    expect(minimal.rows[0]?.item).toEqual({
      code: 'A-1',
      name: '甲',
      category: 'penalty',
      legalBasis: [{ law: '某法' }],
      level: 'county',
      subItems: [],
      exercisingUnitIds: [],
      responsibilities: {},
      accountability: [],
      benchmarks: [],
    });
  });

  it('reports errors by 1-based position and JSON pointer', () => {
    const parsed = parseJson(
      JSON.stringify([
        item(),
        'not an item',
        { ...item({ code: 'A-2' }), level: '区级', id: 'x' },
        item({ code: 'A-3', exercisingUnitIds: ['0b0c6a2e-1d7f-4e1a-9a55-2f4f1d6f0aff'] }),
        item(),
      ]),
    );
    expect(checkRows(parsed, context()).errors).toEqual([
      { row: 2, field: '/', message: 'must be an object (an item)' },
      { row: 3, field: '/id', message: 'is not a known field' },
      { row: 3, field: '/level', message: expect.stringMatching(/allowed values: province, city, county/) },
      {
        row: 4,
        field: '/exercisingUnitIds/0',
        message: expect.stringMatching(/is not a unit of the agency/),
      },
      { row: 5, field: '/code', message: 'duplicate code 630102-CF-0001: already on row 1' },
    ]);
  });

  it('refuses what is not a JSON array', () => {
    expect(() => parseJson('{')).toThrow(/Not valid JSON/);
    expect(() => parseJson('{"items": []}')).toThrow(/array of items/);
  });
});

describe('diff', () => {
  const current: CurrentItem[] = [
    { id: 'i1', content: item({ code: 'A-1' }) },
    { id: 'i2', content: item({ code: 'A-2' }) },
    { id: 'i3', content: item({ code: 'A-3' }) },
  ];

  it('adds new codes, modifies changed items, leaves the rest; cancels only in replace mode', () => {
    const incoming = [item({ code: 'A-1' }), item({ code: 'A-2', name: '新名称' }), item({ code: 'A-4' })];
    expect(diffList(current, incoming, 'merge')).toEqual({
      add: [incoming[2]],
      modify: [{ itemId: 'i2', item: incoming[1] }],
      cancel: [],
      unchanged: 1,
    });
    expect(diffList(current, incoming, 'replace').cancel).toEqual([{ itemId: 'i3', code: 'A-3' }]);
  });

  it('treats unit order, empty stages and empty notes as no change', () => {
    const a = item({
      exercisingUnitIds: [unitId('法规科'), unitId('综合执法大队')],
      responsibilities: { filing: ['x'] },
    });
    const b = item({
      exercisingUnitIds: [unitId('综合执法大队'), unitId('法规科')],
      responsibilities: { filing: ['x'], review: [] },
      internalNotes: '',
    });
    expect(comparable(a)).toBe(comparable(b));
    expect(comparable(a)).not.toBe(comparable(item({ ...a, accountability: ['新'] })));
  });
});

describe('export', () => {
  const names = new Map(UNITS.map((u) => [u.id, u.name]));
  const exported = (content: ItemContent): ExportItem => ({
    ...content,
    exercisingUnits: content.exercisingUnitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
  });

  function roundTrip(items: ItemContent[]): { text: string; parsed: ParsedFile; back: ItemContent[] } {
    const text = toCsv(items.map(exported));
    const parsed = parseCsv(text, UNITS);
    const { rows, errors } = checkRows(parsed, context());
    expect(errors).toEqual([]);
    return { text, parsed, back: rows.map((r) => r.item) };
  }

  it('writes every column with the Chinese headers, a BOM and CRLF', () => {
    const { text } = roundTrip([item()]);
    expect(
      text.startsWith('\uFEFF事项编码,事项名称,子项,权力类别,设定依据,实施主体,行使层级,立案责任,'),
    ).toBe(true);
    expect(text.split('\r\n')[0]?.split(',')).toHaveLength(CSV_COLUMNS.length);
    expect(text.split('\r\n')[1]).toBe(
      '630102-CF-0001,对未取得食品经营许可从事食品经营活动的行政处罚,,行政处罚,中华人民共和国食品安全法|第一百二十二条,综合执法大队,县级,,,,,,,,,,,',
    );
    expect(toCsv([])).toBe(`\uFEFF${CSV_COLUMNS.map((c) => c.headers[0]).join(',')}\r\n`);
  });

  it('reads back what it writes: quotes, commas, lines, bars, notes with spacing, benchmarks', () => {
    const items = [
      ...checkRows(parseJson(fixture('power-list.json')), context()).rows.map((r) => r.item),
      item({
        code: 'B-1',
        name: '含"引号"，和,逗号的事项',
        subItems: ['子项一', '子项, 二'],
        legalBasis: [
          { law: '某法', text: '条文|含竖线' },
          { law: '另法', article: '第二条' },
        ],
        exercisingUnitIds: [unitId('韵家口市场监管所'), unitId('法规科')],
        responsibilities: { filing: ['立案一', '立案二'], other: ['其他'] },
        accountability: ['情形一'],
        internalNotes: '  内部备注\n第二行 ',
      }),
      // A provision text with a line break does not fit the line format: written as JSON.
      item({
        code: 'B-2',
        category: 'inspection',
        legalBasis: [{ law: '某法', article: '第一条', text: '第一款\n第二款' }],
      }),
    ];
    const { text, back } = roundTrip(items);
    expect(text).toContain('"[{""law"":""某法"",""article"":""第一条"",""text"":""第一款\\n第二款""}]"');
    expect(back.map(comparable)).toEqual(items.map(comparable));
    expect(back[5]?.internalNotes).toBe('  内部备注\n第二行 ');
  });
});

describe('spreadsheet formulas (CSV injection)', () => {
  it('writes formula-like cells behind an apostrophe and reads them back unchanged', () => {
    for (const value of [
      '=HYPERLINK("http://x","y")',
      '+1',
      '-2+3',
      '@SUM(1)',
      "'=already",
      "''+twice",
      'plain',
      "it's",
    ]) {
      const written = neutraliseFormula(value);
      expect(/^[=+\-@\t\r]/.test(written)).toBe(false);
      expect(restoreFormula(written)).toBe(value);
    }
  });
});
