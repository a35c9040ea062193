import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chatMaxLength } from '../../../../contracts/room';
import { useLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import type { ChatReply, RoomStatus, Sanction } from '../../../lib/room/use-room';

/** How long the server's refusal stays on screen. */
const errorShownMs = 6_000;
/** The length counter appears this close to the limit. */
const counterFrom = chatMaxLength - 20;

interface ChatInputProps {
  loggedIn: boolean;
  onNeedLogin: () => void;
  sendChat: (text: string) => Promise<ChatReply>;
  status: RoomStatus;
  sanction: Sanction | null;
  slowModeSeconds: number;
}

/**
 * 说点什么: one line of text for the room. The server has the last word (rate limit, slow mode,
 * mute, banned claims); its refusal is shown as it words it. Slow mode and a "too fast" answer
 * hold the send button for the seconds the server asked for.
 */
export function ChatInput({ loggedIn, onNeedLogin, sendChat, status, sanction, slowModeSeconds }: ChatInputProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const [cooldownUntil, setCooldownUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  const mutedUntil = sanction?.kind === 'mute' ? (sanction.until ? Date.parse(sanction.until) : Infinity) : 0;
  const muted = mutedUntil > now;
  const cooling = cooldownUntil > now;
  const ticking = cooling || (muted && Number.isFinite(mutedUntil));
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [ticking]);

  useEffect(() => {
    if (!error) return;
    const timer = window.setTimeout(() => setError(undefined), errorShownMs);
    return () => window.clearTimeout(timer);
  }, [error]);

  if (!loggedIn) {
    return (
      <button type="button" className="tt-room-input tt-room-input-guest" onClick={onNeedLogin}>
        {t('watch.room.placeholder')}
      </button>
    );
  }

  const banned = status === 'banned';
  const offline = status !== 'open';
  // A mute only changes the hint: the room does not say when a moderator lifts one early, so
  // sending stays possible and the server answers with the mute if it still holds.
  const blocked = banned || offline;
  const secondsLeft = Math.ceil((cooldownUntil - now) / 1000);
  let placeholder: string;
  if (banned) placeholder = t('watch.room.bannedInput');
  else if (muted) placeholder = Number.isFinite(mutedUntil) ? t('watch.room.mutedUntil', { time: formatDateTime(sanction!.until!, language) }) : t('watch.room.muted');
  else if (offline) placeholder = t('watch.room.offline');
  else if (slowModeSeconds > 0) placeholder = t('watch.room.slowMode', { n: slowModeSeconds });
  else placeholder = t('watch.room.placeholder');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = text.trim();
    if (!body || sending || blocked || cooling) return;
    setSending(true);
    setError(undefined);
    const reply = await sendChat(body);
    setSending(false);
    const startedAt = Date.now();
    setNow(startedAt);
    if (reply.ok) {
      setText('');
      if (slowModeSeconds > 0) setCooldownUntil(startedAt + slowModeSeconds * 1000);
    } else {
      setError(reply.error.message);
      if (reply.error.retryAfterSeconds) setCooldownUntil(startedAt + reply.error.retryAfterSeconds * 1000);
    }
    inputRef.current?.focus();
  };

  return (
    <form className="tt-room-form" onSubmit={(e) => void submit(e)}>
      {error && (
        <div className="tt-room-input-error" role="alert">
          {error}
        </div>
      )}
      <div className="tt-room-input">
        <input
          ref={inputRef}
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={chatMaxLength}
          placeholder={placeholder}
          aria-label={t('watch.room.inputLabel')}
          enterKeyHint="send"
          autoComplete="off"
          disabled={banned}
        />
        {text.length >= counterFrom && (
          <span className="tt-room-input-count" aria-live="polite">
            {text.length}/{chatMaxLength}
          </span>
        )}
        {text.trim() && (
          <button
            type="submit"
            className="tt-room-send"
            disabled={sending || blocked || cooling}
            // Keeps the phone keyboard open: the button never takes focus from the input.
            onMouseDown={(e) => e.preventDefault()}
          >
            {cooling ? t('watch.room.wait', { n: secondsLeft }) : t('watch.room.send')}
          </button>
        )}
      </div>
    </form>
  );
}
