import type { CSSProperties, ReactNode } from 'react';
import type { ClaimViolationView } from '../../contracts/compliance';
import './claim-marked-text.css';

type ClaimKind = ClaimViolationView['kind'];

/** Tag colours per kind of claim; the marked spans use the same hues. */
export const claimKindColor: Record<ClaimKind, string> = { absolute: 'red', medical: 'volcano', certified: 'blue' };

interface ClaimMarkedTextProps {
  text: string;
  violations: ClaimViolationView[];
  /** Tooltip per span, e.g. the reason in the current language. */
  describe?: (violation: ClaimViolationView) => string;
  /** Makes the spans clickable, e.g. to jump to the matching line of the list. */
  onSelect?: (index: number) => void;
  className?: string;
  style?: CSSProperties;
}

/**
 * The checked text with each offending span marked and numbered like the list that goes with it.
 * start/end are UTF-16 offsets into the original text, as String.prototype.slice takes them.
 */
export function ClaimMarkedText({ text, violations, describe, onSelect, className, style }: ClaimMarkedTextProps) {
  const parts: ReactNode[] = [];
  let position = 0;
  violations.forEach((v, index) => {
    // The server sends them sorted and disjoint; anything else is skipped rather than garbled.
    if (v.start < position || v.end <= v.start || v.end > text.length) return;
    if (v.start > position) parts.push(text.slice(position, v.start));
    parts.push(
      <mark
        key={`${v.start}-${v.end}`}
        className={`tt-claim-mark tt-claim-mark-${v.kind}${onSelect ? ' tt-claim-mark-selectable' : ''}`}
        title={describe?.(v)}
        onClick={onSelect ? () => onSelect(index) : undefined}
      >
        {text.slice(v.start, v.end)}
        <sup>{index + 1}</sup>
      </mark>,
    );
    position = v.end;
  });
  if (position < text.length) parts.push(text.slice(position));
  return (
    <div className={className} style={style}>
      {parts}
    </div>
  );
}
