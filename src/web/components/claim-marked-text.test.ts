import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClaimViolationView } from '../../contracts/compliance';
import { ClaimMarkedText } from './claim-marked-text';

function violation(kind: ClaimViolationView['kind'], start: number, end: number, text: string): ClaimViolationView {
  return { ruleId: `r-${start}`, kind, start, end, text, reason: { zh: '原因', en: 'reason' }, suggestion: { zh: '', en: '' } };
}

const render = (props: Parameters<typeof ClaimMarkedText>[0]) => renderToStaticMarkup(createElement(ClaimMarkedText, props));

describe('ClaimMarkedText', () => {
  it('marks each span in its kind and numbers it like the list', () => {
    const html = render({
      text: '最好的有机苹果',
      violations: [violation('absolute', 0, 2, '最好'), violation('certified', 3, 5, '有机')],
      className: 'box',
    });
    expect(html).toBe(
      '<div class="box"><mark class="tt-claim-mark tt-claim-mark-absolute">最好<sup>1</sup></mark>的' +
        '<mark class="tt-claim-mark tt-claim-mark-certified">有机<sup>2</sup></mark>苹果</div>',
    );
  });

  it('skips spans that overlap or run past the text rather than garble it', () => {
    const html = render({
      text: '治疗高血压',
      violations: [violation('medical', 0, 2, '治疗'), violation('medical', 1, 3, '疗高'), violation('absolute', 4, 9, '压')],
    });
    expect(html).toBe('<div><mark class="tt-claim-mark tt-claim-mark-medical">治疗<sup>1</sup></mark>高血压</div>');
  });

  it('makes spans selectable and titled only when asked', () => {
    const html = render({
      text: '最好',
      violations: [violation('absolute', 0, 2, '最好')],
      describe: (v) => v.reason.zh,
      onSelect: () => undefined,
    });
    expect(html).toContain('class="tt-claim-mark tt-claim-mark-absolute tt-claim-mark-selectable" title="原因"');
  });
});
