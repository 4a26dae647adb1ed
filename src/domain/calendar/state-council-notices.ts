/**
 * The State Council's yearly holiday arrangements (国务院办公厅关于XXXX年部分节假日安排的通知).
 *
 * Art. 7 of 全国年节及纪念日放假办法 (2024 text) lets the notice rearrange the statutory days of
 * art. 2 into longer breaks (放假调休), and art. 6 compensation (补假) is placed by the notice too,
 * so only the notice says which dates are off and which weekend days are working days. Each notice
 * is transcribed here date by date: `holidays` lists every day of a break, weekend days included,
 * exactly as the notice states the break (so 2024's 元旦 is 1 January alone, 与周末连休);
 * `workdays` lists the weekend days the notice makes working days (上班).
 */
import { datesInRange, type IsoDate } from './dates';

export interface HolidayNotice {
  year: number;
  /** 发文字号, given only where confirmed from the published text. */
  documentNumber?: string;
  title: string;
  publishedOn?: IsoDate;
  /** Every day off, one entry per date, named after its festival (e.g. 春节). */
  holidays: { date: IsoDate; name: string }[];
  /** Make-up working days (调休上班), all on weekends, named e.g. 春节调休. */
  workdays: { date: IsoDate; name: string }[];
}

/** The dates `from`…`to` (both included) under one name, as a notice states a break. */
function days(name: string, from: IsoDate, to: IsoDate = from): { date: IsoDate; name: string }[] {
  return datesInRange(from, to).map((date) => ({ date, name }));
}

export const STATE_COUNCIL_NOTICES: readonly HolidayNotice[] = [
  {
    year: 2024,
    documentNumber: '国办发明电〔2023〕7号',
    title: '国务院办公厅关于2024年部分节假日安排的通知',
    publishedOn: '2023-10-25',
    holidays: [
      // 一、元旦：1月1日放假，与周末连休。
      ...days('元旦', '2024-01-01'),
      // 二、春节：2月10日至17日放假调休，共8天。
      ...days('春节', '2024-02-10', '2024-02-17'),
      // 三、清明节：4月4日至6日放假调休，共3天。
      ...days('清明节', '2024-04-04', '2024-04-06'),
      // 四、劳动节：5月1日至5日放假调休，共5天。
      ...days('劳动节', '2024-05-01', '2024-05-05'),
      // 五、端午节：6月10日放假，与周末连休。
      ...days('端午节', '2024-06-10'),
      // 六、中秋节：9月15日至17日放假调休，共3天。
      ...days('中秋节', '2024-09-15', '2024-09-17'),
      // 七、国庆节：10月1日至7日放假调休，共7天。
      ...days('国庆节', '2024-10-01', '2024-10-07'),
    ],
    workdays: [
      ...days('春节调休', '2024-02-04'),
      ...days('春节调休', '2024-02-18'),
      ...days('清明节调休', '2024-04-07'),
      ...days('劳动节调休', '2024-04-28'),
      ...days('劳动节调休', '2024-05-11'),
      ...days('中秋节调休', '2024-09-14'),
      ...days('国庆节调休', '2024-09-29'),
      ...days('国庆节调休', '2024-10-12'),
    ],
  },
  {
    year: 2025,
    documentNumber: '国办发明电〔2024〕12号',
    title: '国务院办公厅关于2025年部分节假日安排的通知',
    publishedOn: '2024-11-12',
    holidays: [
      // 一、元旦：1月1日（周三）放假1天，不调休。
      ...days('元旦', '2025-01-01'),
      // 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
      ...days('春节', '2025-01-28', '2025-02-04'),
      // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
      ...days('清明节', '2025-04-04', '2025-04-06'),
      // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。
      ...days('劳动节', '2025-05-01', '2025-05-05'),
      // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
      ...days('端午节', '2025-05-31', '2025-06-02'),
      // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。中秋 (八月十五) is 6 October.
      ...days('国庆节', '2025-10-01', '2025-10-05'),
      ...days('中秋节', '2025-10-06'),
      ...days('国庆节', '2025-10-07', '2025-10-08'),
    ],
    workdays: [
      ...days('春节调休', '2025-01-26'),
      ...days('春节调休', '2025-02-08'),
      ...days('劳动节调休', '2025-04-27'),
      ...days('国庆节、中秋节调休', '2025-09-28'),
      ...days('国庆节、中秋节调休', '2025-10-11'),
    ],
  },
  {
    // 发文字号 not confirmed from the published text, so left out.
    year: 2026,
    title: '国务院办公厅关于2026年部分节假日安排的通知',
    publishedOn: '2025-11-04',
    holidays: [
      // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。
      ...days('元旦', '2026-01-01', '2026-01-03'),
      // 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
      ...days('春节', '2026-02-15', '2026-02-23'),
      // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
      ...days('清明节', '2026-04-04', '2026-04-06'),
      // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。
      ...days('劳动节', '2026-05-01', '2026-05-05'),
      // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
      ...days('端午节', '2026-06-19', '2026-06-21'),
      // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
      ...days('中秋节', '2026-09-25', '2026-09-27'),
      // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。
      ...days('国庆节', '2026-10-01', '2026-10-07'),
    ],
    workdays: [
      ...days('元旦调休', '2026-01-04'),
      ...days('春节调休', '2026-02-14'),
      ...days('春节调休', '2026-02-28'),
      ...days('劳动节调休', '2026-05-09'),
      ...days('国庆节调休', '2026-09-20'),
      ...days('国庆节调休', '2026-10-10'),
    ],
  },
];
