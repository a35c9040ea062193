import {
  certificateKinds as knownCertificateKinds,
  claimKinds as knownClaimKinds,
  type CertificateKind,
  type ClaimKind,
  type ClaimRule,
  type ClaimRuleSet,
  type LocalizedText,
} from './claim-rules';
import {
  createClaimTextFolder,
  SEPARATOR_MARKER,
  significantSymbolsOf,
  type ClaimTextFolder,
} from './claim-text';

export interface ClaimViolation {
  ruleId: string;
  kind: ClaimKind;
  /** UTF-16 index into the original text */
  start: number;
  /** UTF-16 index into the original text, exclusive */
  end: number;
  /** the original substring, evasions included */
  text: string;
  reason: LocalizedText;
  suggestion: LocalizedText;
  certificateKind?: CertificateKind;
  /** what `suggestRewrite` puts in place of the span; absent when a person has to rewrite it */
  replacement?: string;
}

export interface CheckClaimsOptions {
  /** kinds of valid, approved certificates the seller holds */
  certificateKinds: ReadonlySet<CertificateKind>;
}

interface TermTarget {
  readonly rule: ClaimRule;
  readonly replacement: string | undefined;
}

/** What a folded pattern stands for: a term of one rule, or an everyday phrase (exception). */
type PatternTarget = TermTarget | 'exception';

export interface CompiledClaimRules {
  readonly version: number;
  readonly ruleCount: number;
  readonly patternCount: number;
  /** @internal folds texts the same way the patterns were folded */
  readonly folder: ClaimTextFolder;
  /** @internal every term and exception in one trie-shaped regular expression */
  readonly matcher: RegExp;
  /** @internal folded pattern (separators removed) → what it stands for */
  readonly targets: ReadonlyMap<string, PatternTarget>;
}

export class InvalidClaimRuleSetError extends Error {
  readonly code = 'INVALID_CLAIM_RULE_SET' as const;

  constructor(readonly problems: readonly string[]) {
    super(`invalid claim rule set: ${problems.join('; ')}`);
    this.name = 'InvalidClaimRuleSetError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

const isLocalizedText = (value: unknown): boolean =>
  isRecord(value) && typeof value['zh'] === 'string' && typeof value['en'] === 'string';

/**
 * Structural problems of a rule set, as readable sentences. Rule sets arrive as JSON from an
 * admin screen or the database, so nothing about their shape is taken on trust.
 */
export function validateClaimRuleSet(ruleSet: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(ruleSet)) return ['the rule set must be an object'];
  if (typeof ruleSet['version'] !== 'number' || !Number.isInteger(ruleSet['version'])) {
    problems.push('version must be an integer');
  }
  const rules = ruleSet['rules'];
  if (!Array.isArray(rules)) return [...problems, 'rules must be an array'];
  const ids = new Set<string>();
  rules.forEach((rule: unknown, index) => {
    const where = `rules[${index}]`;
    if (!isRecord(rule)) {
      problems.push(`${where} must be an object`);
      return;
    }
    const id = rule['id'];
    if (!isNonEmptyString(id)) problems.push(`${where}.id must be a non-empty string`);
    else if (ids.has(id)) problems.push(`${where}.id "${id}" is used twice`);
    else ids.add(id);
    const label = isNonEmptyString(id) ? `rule "${id}"` : where;
    const kind = rule['kind'];
    if (!knownClaimKinds.includes(kind as ClaimKind)) problems.push(`${label}: unknown kind ${JSON.stringify(kind)}`);
    const terms = rule['terms'];
    if (!Array.isArray(terms) || terms.length === 0 || !terms.every(isNonEmptyString)) {
      problems.push(`${label}: terms must be a non-empty list of non-empty strings`);
    }
    const exceptions = rule['exceptions'];
    if (exceptions !== undefined && (!Array.isArray(exceptions) || !exceptions.every(isNonEmptyString))) {
      problems.push(`${label}: exceptions must be a list of non-empty strings`);
    }
    const certificateKind = rule['certificateKind'];
    if (kind === 'certified') {
      if (!knownCertificateKinds.includes(certificateKind as CertificateKind)) {
        problems.push(`${label}: a certified rule needs a known certificateKind`);
      }
    } else if (certificateKind !== undefined) {
      problems.push(`${label}: only certified rules take a certificateKind`);
    }
    if (!isLocalizedText(rule['reason'])) problems.push(`${label}: reason needs zh and en text`);
    if (!isLocalizedText(rule['suggestion'])) problems.push(`${label}: suggestion needs zh and en text`);
    const replacement = rule['replacement'];
    if (replacement !== undefined && typeof replacement !== 'string') {
      problems.push(`${label}: replacement must be a string`);
    }
    const termReplacements = rule['termReplacements'];
    if (termReplacements !== undefined) {
      if (!isRecord(termReplacements)) {
        problems.push(`${label}: termReplacements must be an object`);
      } else {
        for (const [term, value] of Object.entries(termReplacements)) {
          if (typeof value !== 'string') problems.push(`${label}: termReplacements["${term}"] must be a string`);
          if (Array.isArray(terms) && !terms.includes(term)) {
            problems.push(`${label}: termReplacements names "${term}", which is not one of its terms`);
          }
        }
      }
    }
  });
  return problems;
}

const WORD_CHARS = 'a-z0-9\\u00c0-\\u024f';
const WORD_CHAR = /^[a-z0-9\u00c0-\u024f]$/;
const REGEXP_SPECIAL = /[\\^$.*+?()[\]{}|/-]/;
const OPTIONAL_MARKER = `${SEPARATOR_MARKER}?`;
// Latin words need boundaries ("best" is not in "bestow"); Chinese has no spaces to test
const NOT_AFTER_WORD = `(?<![${WORD_CHARS}])`;
const NOT_BEFORE_WORD = `(?![${WORD_CHARS}])`;

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  terminal: boolean;
}

const escapeChar = (ch: string): string => (REGEXP_SPECIAL.test(ch) ? `\\${ch}` : ch);

function continuationPattern(node: TrieNode, ch: string): string {
  const stop = WORD_CHAR.test(ch) ? NOT_BEFORE_WORD : '';
  if (node.children.size === 0) return stop;
  const children = [...node.children].map(([next, child]) => escapeChar(next) + continuationPattern(child, next));
  const onward = `${OPTIONAL_MARKER}(?:${children.join('|')})`;
  // trying the way onward before stopping makes each match the longest pattern at its position
  return node.terminal ? `(?:${onward}|${stop})` : onward;
}

/**
 * One regular expression for every pattern, shaped as a trie: at each position the engine
 * follows one branch per character instead of trying hundreds of alternatives, and a
 * separator marker may sit between any two characters of a pattern.
 */
function buildMatcher(keys: Iterable<string>): RegExp {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const key of keys) {
    let node = root;
    for (const ch of key) {
      let child = node.children.get(ch);
      if (child === undefined) {
        child = { children: new Map(), terminal: false };
        node.children.set(ch, child);
      }
      node = child;
    }
    node.terminal = true;
  }
  const branches = [...root.children].map(
    ([ch, child]) => (WORD_CHAR.test(ch) ? NOT_AFTER_WORD : '') + escapeChar(ch) + continuationPattern(child, ch),
  );
  // an empty alternation would match the empty string everywhere; this never matches
  return new RegExp(branches.length > 0 ? branches.join('|') : '(?!)', 'g');
}

function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Does the expensive work once per rule-set version: folding, conflict checks, one matcher. */
export function compileClaimRules(input: ClaimRuleSet): CompiledClaimRules {
  const structural = validateClaimRuleSet(input);
  if (structural.length > 0) throw new InvalidClaimRuleSetError(structural);
  // violations hand out the rules' texts; a private frozen copy keeps later edits of the input
  // (or of a violation) from changing what an already compiled version reports
  const ruleSet = structuredClone(input);
  for (const rule of ruleSet.rules) {
    Object.freeze(rule.reason);
    Object.freeze(rule.suggestion);
  }

  const significantSymbols = new Set<string>();
  for (const rule of ruleSet.rules) {
    for (const phrase of [...rule.terms, ...(rule.exceptions ?? [])]) {
      for (const symbol of significantSymbolsOf(phrase)) significantSymbols.add(symbol);
    }
  }
  const folder = createClaimTextFolder({ significantSymbols });

  const problems: string[] = [];
  const targets = new Map<string, PatternTarget>();
  for (const rule of ruleSet.rules) {
    for (const term of rule.terms) {
      const key = folder.foldTerm(term);
      if (key === '') {
        problems.push(`rule "${rule.id}": term "${term}" has no letters, digits or symbols to match`);
        continue;
      }
      const existing = targets.get(key);
      if (existing !== undefined && existing !== 'exception') {
        // "No.1" and "No 1" fold alike: harmless inside one rule, ambiguous across two
        if (existing.rule !== rule) {
          problems.push(`term "${term}" of rule "${rule.id}" is already a term of rule "${existing.rule.id}"`);
        }
        continue;
      }
      const own = rule.termReplacements !== undefined && Object.hasOwn(rule.termReplacements, term);
      targets.set(key, { rule, replacement: own ? rule.termReplacements?.[term] : rule.replacement });
    }
  }
  for (const rule of ruleSet.rules) {
    for (const exception of rule.exceptions ?? []) {
      const key = folder.foldTerm(exception);
      if (key === '') {
        problems.push(`rule "${rule.id}": exception "${exception}" has nothing to match`);
        continue;
      }
      const existing = targets.get(key);
      if (existing !== undefined && existing !== 'exception') {
        problems.push(`exception "${exception}" of rule "${rule.id}" is also a term of rule "${existing.rule.id}"`);
        continue;
      }
      targets.set(key, 'exception');
    }
  }
  if (problems.length > 0) throw new InvalidClaimRuleSetError(problems);

  const matcher = buildMatcher(targets.keys());

  return {
    version: ruleSet.version,
    ruleCount: ruleSet.rules.length,
    patternCount: targets.size,
    folder,
    matcher,
    targets,
  };
}

interface Candidate {
  readonly target: TermTarget;
  readonly start: number;
  readonly end: number;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function toViolation(text: string, { target, start, end }: Candidate): ClaimViolation {
  const { rule, replacement } = target;
  const violation: ClaimViolation = {
    ruleId: rule.id,
    kind: rule.kind,
    start,
    end,
    text: text.slice(start, end),
    reason: rule.reason,
    suggestion: rule.suggestion,
  };
  if (rule.certificateKind !== undefined) violation.certificateKind = rule.certificateKind;
  if (replacement !== undefined) violation.replacement = replacement;
  return violation;
}

/**
 * Finds banned and unsupported claims. Pure: the same text, rules and certificates always give
 * the same violations, sorted by start, never overlapping.
 */
export function checkClaims(text: string, compiled: CompiledClaimRules, options: CheckClaimsOptions): ClaimViolation[] {
  if (text.length === 0) return [];
  const folded = compiled.folder.fold(text);
  const matcher = compiled.matcher;
  const candidates: Candidate[] = [];
  const exceptions: Span[] = [];

  // the matcher is shared by every call; checkClaims is synchronous, so resetting it is enough
  matcher.lastIndex = 0;
  for (let match = matcher.exec(folded.text); match !== null; match = matcher.exec(folded.text)) {
    const at = match.index;
    const matched = match[0];
    // step one unit, not past the match, so a term starting inside an exception is still seen
    matcher.lastIndex = at + 1;
    const key = matched.includes(SEPARATOR_MARKER) ? matched.replaceAll(SEPARATOR_MARKER, '') : matched;
    const target = compiled.targets.get(key);
    if (target === undefined) continue;
    const start = folded.starts[at] ?? 0;
    const end = folded.ends[at + matched.length - 1] ?? text.length;
    if (target === 'exception') exceptions.push({ start, end });
    else candidates.push({ target, start, end });
  }
  if (candidates.length === 0) return [];

  const claims = candidates.filter(
    (candidate) =>
      !exceptions.some((exception) => exception.start <= candidate.start && candidate.end <= exception.end) &&
      !(
        candidate.target.rule.certificateKind !== undefined &&
        options.certificateKinds.has(candidate.target.rule.certificateKind)
      ),
  );

  // longest first; on a tie the earlier one, so results do not depend on discovery order
  claims.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const claim of claims) {
    if (kept.every((other) => claim.end <= other.start || other.end <= claim.start)) kept.push(claim);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((claim) => toViolation(text, claim));
}

function sortedDisjoint(text: string, violations: readonly ClaimViolation[]): ClaimViolation[] {
  const sorted = [...violations].sort((a, b) => a.start - b.start || b.end - a.end);
  const result: ClaimViolation[] = [];
  let reached = 0;
  for (const violation of sorted) {
    if (violation.start < reached || violation.start < 0 || violation.end > text.length) continue;
    if (violation.end <= violation.start) continue;
    result.push(violation);
    reached = violation.end;
  }
  return result;
}

/** Replaces every character of each violating span with `mask`, one per code point, for chat. */
export function maskClaims(text: string, violations: readonly ClaimViolation[], mask = '*'): string {
  let out = '';
  let position = 0;
  for (const { start, end } of sortedDisjoint(text, violations)) {
    out += text.slice(position, start);
    out += mask.repeat(codePointLength(text.slice(start, end)));
    position = end;
  }
  return out + text.slice(position);
}

const isAsciiUpper = (ch: string | undefined): boolean => ch !== undefined && ch >= 'A' && ch <= 'Z';
const isAsciiLower = (ch: string | undefined): boolean => ch !== undefined && ch >= 'a' && ch <= 'z';
const isBlank = (ch: string | undefined): boolean => ch !== undefined && /\s/.test(ch);

/**
 * Applies each violation's replacement; spans without one (medical claims, rankings) stay for a
 * person to rewrite, so check the result again before publishing it.
 */
export function suggestRewrite(text: string, violations: readonly ClaimViolation[]): string {
  let out = '';
  let position = 0;
  for (const violation of sortedDisjoint(text, violations)) {
    if (violation.replacement === undefined) continue;
    let { start, end } = violation;
    let replacement = violation.replacement;
    if (isAsciiUpper(text[start]) && isAsciiLower(replacement[0])) {
      replacement = replacement[0]?.toUpperCase() + replacement.slice(1);
    }
    // deleting a word between two spaces would leave two spaces
    if (replacement === '' && isBlank(text[end]) && (start === 0 || isBlank(text[start - 1]))) end += 1;
    if (start < position) start = position;
    out += text.slice(position, start) + replacement;
    position = end;
  }
  return out + text.slice(position);
}
