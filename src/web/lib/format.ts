const TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** Shows a wire timestamp in China time whatever the viewer's device is set to. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, true).format(date);
}

export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, false).format(date);
}

export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}

/** `3723000` → `1:02:03`, `95000` → `1:35`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h > 0 ? `${h}:${String(m).padStart(2, '0')}` : m}:${String(s).padStart(2, '0')}`;
}

const countFormatters = new Map<string, Intl.NumberFormat>();

/** Viewer and like counts as a live room shows them: `12345` → `1.2万` or `12.3K`. */
export function formatCount(n: number, language: string): string {
  const key = language === 'en' ? 'en' : 'zh-CN';
  let f = countFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(key, { notation: 'compact', maximumFractionDigits: 1 });
    countFormatters.set(key, f);
  }
  return f.format(Math.max(0, n));
}

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** A moment as `10:42:07`, China time, e.g. when a chat line was sent. */
export function formatClock(at: number | string, language: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return '';
  const key = language === 'en' ? 'en-GB' : 'zh-CN';
  let f = clockFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(key, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    clockFormatters.set(key, f);
  }
  return f.format(date);
}
