import { HeartFill } from 'antd-mobile-icons';
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { useReducedMotion } from '../hooks/use-reduced-motion';

/** Hearts in the air at once; a storm of likes still draws only this many. */
const maxHearts = 24;
const colors = ['#ff4d6d', '#ff8fab', '#ffb703', '#fb8500', '#8ecae6', '#95d5b2', '#f15bb5'];

interface Heart {
  id: number;
  /** Sideways drift, -1…1. */
  drift: number;
  delayMs: number;
  scale: number;
  color: string;
}

/** Hearts that float up from the like button; none at all when the person asked for less motion. */
export function useFloatingHearts() {
  const reduced = useReducedMotion();
  const [hearts, setHearts] = useState<Heart[]>([]);
  const nextId = useRef(0);

  useEffect(() => {
    // Hearts that never animate never end either; drop them with the motion.
    if (reduced) setHearts([]);
  }, [reduced]);

  /** `count` hearts, spread over `spreadMs` so a tick's likes rise one after another. */
  const spawn = useCallback(
    (count: number, spreadMs = 0) => {
      if (reduced || count <= 0) return;
      const made: Heart[] = Array.from({ length: Math.min(count, maxHearts) }, (_, i) => ({
        id: nextId.current++,
        drift: Math.random() * 2 - 1,
        delayMs: count > 1 ? Math.round((i * spreadMs) / count) : 0,
        scale: 0.8 + Math.random() * 0.5,
        color: colors[Math.floor(Math.random() * colors.length)]!,
      }));
      setHearts((current) => {
        const room = maxHearts - current.length;
        return room <= 0 ? current : [...current, ...made.slice(0, room)];
      });
    },
    [reduced],
  );

  const remove = useCallback((id: number) => setHearts((current) => current.filter((h) => h.id !== id)), []);
  return { hearts, spawn, remove };
}

export function FloatingHearts({ hearts, onDone }: { hearts: Heart[]; onDone: (id: number) => void }) {
  return (
    <div className="tt-hearts" aria-hidden="true">
      {hearts.map((h) => (
        <span
          key={h.id}
          className="tt-heart"
          style={
            {
              color: h.color,
              '--tt-heart-drift': h.drift,
              '--tt-heart-scale': h.scale,
              animationDelay: `${h.delayMs}ms`,
            } as CSSProperties
          }
          onAnimationEnd={() => onDone(h.id)}
        >
          <HeartFill />
        </span>
      ))}
    </div>
  );
}
