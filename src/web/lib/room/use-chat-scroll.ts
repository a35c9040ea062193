import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ChatLine } from './room-state';

/** How close to the bottom still counts as "reading the newest lines". */
const stickPx = 32;

/**
 * A chat box that follows new lines while its reader is at the bottom; scrolled up to read, it
 * stays put and counts what arrived meanwhile, for a "new messages" jump back down.
 */
export function useChatScroll<T extends HTMLElement>(lines: ChatLine[]) {
  const ref = useRef<T>(null);
  const atBottom = useRef(true);
  const seenLastId = useRef<string | undefined>(undefined);
  const [unseen, setUnseen] = useState(0);
  const lastId = lines.at(-1)?.id;

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || lastId === seenLastId.current) return;
    const before = seenLastId.current;
    seenLastId.current = lastId;
    if (atBottom.current) {
      box.scrollTop = box.scrollHeight;
      return;
    }
    const from = lines.findIndex((l) => l.id === before);
    setUnseen((n) => n + (from === -1 ? 1 : lines.length - 1 - from));
  }, [lastId, lines]);

  const onScroll = useCallback(() => {
    const box = ref.current;
    if (!box) return;
    atBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight <= stickPx;
    if (atBottom.current) setUnseen(0);
  }, []);

  const jumpDown = useCallback(() => {
    const box = ref.current;
    if (!box) return;
    box.scrollTop = box.scrollHeight;
    atBottom.current = true;
    setUnseen(0);
  }, []);

  return { ref, onScroll, unseen, jumpDown };
}
