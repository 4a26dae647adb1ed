/**
 * Printable HTML of the decision (行政处罚决定书) and the pre-penalty notice (行政处罚告知书): one
 * complete, self-contained page each (inline print styles, no scripts, no external resources), A4.
 *
 * Every value from the case is text typed by people (a party may be called `<script>…`), so the page is
 * built with the `html` template tag below: each interpolated value is escaped unless it is itself
 * markup produced by `html`. Nothing is concatenated into markup by hand.
 */
import type { DecisionDocument, DocumentParty, MissingElement, NoticeDocument } from './decision-document';

/** Markup produced by `html`: safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function interpolate(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are markup, interpolated values are escaped text (or SafeHtml). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += interpolate(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

const STYLE = `
@page { size: A4; margin: 25mm 20mm; }
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.9;
  color: #000; max-width: 170mm; margin: 0 auto; padding: 10mm 0; }
header { text-align: center; margin-bottom: 8mm; }
header .agency { font-size: 18pt; font-weight: bold; letter-spacing: 0.1em; }
header h1 { font-size: 22pt; margin: 2mm 0; letter-spacing: 0.3em; }
header .number { text-align: right; font-size: 12pt; }
section { margin: 3mm 0; }
h2 { font-size: 13pt; margin: 4mm 0 1mm; }
p { text-indent: 2em; margin: 1mm 0; }
ul { margin: 1mm 0 1mm 2em; padding: 0; }
dl.party { margin: 0 0 2mm; }
dl.party dt { display: inline; font-weight: bold; }
dl.party dd { display: inline; margin: 0 1.5em 0 0; }
.gap { color: #b00; font-weight: bold; }
.incomplete { border: 2px solid #b00; color: #b00; padding: 2mm 4mm; margin-bottom: 6mm; }
.incomplete p { text-indent: 0; }
footer { margin-top: 14mm; text-align: right; }
footer .seal { display: inline-block; min-width: 45mm; text-align: center; }
@media print { .incomplete { display: block; } }
`;

const gap = (what: string) => html`<span class="gap">【缺：${what}】</span>`;
const orGap = (value: string | null | undefined, what: string) => (value?.trim() ? value : gap(what));

function page(title: string, number: string | null, agencyName: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}${number ? ` ${number}` : ''}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<header>
<div class="agency">${orGap(agencyName, '行政机关名称')}</div>
<h1>${title}</h1>
<div class="number">${orGap(number, '文号')}</div>
</header>
${body}
</body>
</html>
`.value;
}

function incomplete(missing: readonly MissingElement[]): SafeHtml | string {
  if (missing.length === 0) return '';
  return html`<div class="incomplete" role="alert"><p><strong>文书要素不全，不得送达：</strong></p><ul>${missing.map(
    (m) => html`<li>${m.message}（${m.rule}）</li>`,
  )}</ul></div>`;
}

function parties(list: readonly DocumentParty[]): SafeHtml {
  if (list.length === 0) return html`<p>${gap('当事人')}</p>`;
  return html`${list.map(
    (p) => html`<dl class="party">
<dt>当事人：</dt><dd>${p.name}</dd>
${p.identifiers.map((id) => html`<dt>${id.label}：</dt><dd>${id.value}</dd>`)}
${p.legalRepresentative ? html`<dt>${p.kind === 'individual_business' ? '经营者' : '法定代表人'}：</dt><dd>${p.legalRepresentative}</dd>` : ''}
<dt>地址：</dt><dd>${orGap(p.address, '地址')}</dd>
</dl>`,
  )}`;
}

function factsAndEvidence(doc: DecisionDocument | NoticeDocument): SafeHtml {
  return html`<section>
<h2>违法事实</h2>
<p>${orGap(doc.facts.findings, '违法事实')}</p>
${doc.facts.violationOn ? html`<p>违法行为发生（终了）日期：${doc.facts.violationOn}。</p>` : ''}
<h2>证据</h2>
${
  doc.evidence.length > 0
    ? html`<p>上述事实，有下列证据证明：</p><ul>${doc.evidence.map(
        (e) => html`<li>${e.kindName}：${e.description}（${e.collectedOn}取得）</li>`,
      )}</ul>`
    : html`<p>${gap('证据')}</p>`
}
</section>`;
}

function basis(doc: DecisionDocument | NoticeDocument): SafeHtml {
  if (doc.legalBasis.length === 0) return html`<p>${gap('法律依据')}</p>`;
  return html`<ul>${doc.legalBasis.map(
    (b) => html`<li>${b.citation}${b.text ? html`：${b.text}` : ''}</li>`,
  )}</ul>`;
}

function footer(agencyName: string, date: string | null): SafeHtml {
  return html`<footer><div class="seal"><div>${orGap(agencyName, '行政机关名称')}</div><div>（印章）</div><div>${orGap(date, '日期')}</div></div></footer>`;
}

export function renderDecisionHtml(doc: DecisionDocument): string {
  const d = doc.discretion;
  const body = html`${incomplete(doc.missing)}
${parties(doc.parties)}
${factsAndEvidence(doc)}
${doc.procedure.length > 0 ? html`<section><h2>办理经过</h2>${doc.procedure.map((p) => html`<p>${p}</p>`)}</section>` : ''}
<section>
<h2>处罚依据</h2>
${basis(doc)}
${
  d
    ? html`<p>依照行政处罚裁量基准（${d.benchmarkId}${d.tier ? `，${d.tier}` : ''}${
        d.range ? `，罚款幅度 ${d.range.min}–${d.range.max} 元` : ''
      }）裁量。</p>${d.reasons.map((r) => html`<p>${r.detail}（${r.rule}）</p>`)}${
        d.outsideBenchmarkReason ? html`<p>超出裁量基准的理由：${d.outsideBenchmarkReason}</p>` : ''
      }`
    : ''
}
<h2>处罚内容</h2>
${doc.penalties.length > 0 ? html`<p>本机关决定对当事人作出如下行政处罚：</p><ul>${doc.penalties.map((p) => html`<li>${p.text}</li>`)}</ul>` : html`<p>${gap('处罚种类')}</p>`}
</section>
<section>
<h2>履行方式和期限</h2>
<p>${doc.performance.text}</p>
${doc.performance.paymentDueOn ? html`<p>本决定书于${doc.performance.servedOn}送达，缴款期限至${doc.performance.paymentDueOn}。</p>` : ''}
</section>
<section>
<h2>救济途径和期限</h2>
<p>${doc.remedies.text}</p>
<p>${doc.remedies.notSuspended.text}</p>
</section>
${footer(doc.agencyName, doc.date)}`;
  return page(doc.title, doc.number, doc.agencyName, body);
}

export function renderNoticeHtml(doc: NoticeDocument): string {
  const body = html`${incomplete(doc.missing)}
${parties(doc.parties)}
<p>经调查，本机关拟对你（单位）作出行政处罚。根据《中华人民共和国行政处罚法》第四十四条的规定，现将拟作出行政处罚的事实、理由、依据及内容告知如下：</p>
${factsAndEvidence(doc)}
<section>
<h2>理由和依据</h2>
${basis(doc)}
<h2>拟作出的行政处罚</h2>
${doc.proposedPenalties.length > 0 ? html`<ul>${doc.proposedPenalties.map((p) => html`<li>${p.text}</li>`)}</ul>` : html`<p>${gap('拟处罚内容')}</p>`}
</section>
<section>
<h2>当事人的权利</h2>
<p>${doc.rights.statement.text}</p>
${doc.rights.hearing ? html`<p>${doc.rights.hearing.text}</p>` : ''}
<p>${doc.rights.noHeavierPenalty.text}</p>
</section>
${footer(doc.agencyName, doc.date)}`;
  return page(doc.title, doc.number, doc.agencyName, body);
}
