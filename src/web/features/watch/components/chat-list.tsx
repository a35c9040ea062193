import { useTranslation } from 'react-i18next';
import { useChatScroll } from '../../../lib/room/use-chat-scroll';
import type { ChatLine } from '../../../lib/room/use-room';

function ChatBadge({ role }: { role: ChatLine['role'] }) {
  const { t } = useTranslation();
  if (role === 'viewer') return null;
  return <span className={`tt-chat-badge tt-chat-badge-${role}`}>{t(`watch.room.roles.${role}`)}</span>;
}

/**
 * The chat over the video, newest at the bottom. Every line is plain text: React escapes it,
 * nothing here is parsed as HTML.
 */
export function ChatList({ lines, ownUserId }: { lines: ChatLine[]; ownUserId: string | null }) {
  const { t } = useTranslation();
  const { ref, onScroll, unseen, jumpDown } = useChatScroll<HTMLOListElement>(lines);

  return (
    <div className="tt-room-chat-wrap">
      <ol ref={ref} className="tt-room-chat" role="log" aria-label={t('watch.room.chatLabel')} onScroll={onScroll}>
        <li className="tt-chat-line tt-chat-line-system">{t('watch.room.welcome')}</li>
        {lines.map((line) => (
          <li key={line.id} className={`tt-chat-line${line.userId === ownUserId ? ' tt-chat-line-own' : ''}`}>
            <ChatBadge role={line.role} />
            <span className="tt-chat-name">{line.name}</span>
            <span className="tt-chat-text">{line.text}</span>
          </li>
        ))}
      </ol>
      {unseen > 0 && (
        <button type="button" className="tt-room-chat-more" onClick={jumpDown}>
          {t('watch.room.newMessages', { n: unseen })}
        </button>
      )}
    </div>
  );
}
