import { useEffect } from 'react';
import { useLab, useLabApi } from './hooks.ts';

/** While playing, step forward at the chosen speed (steps per second). */
export function usePlayback(): void {
  const api = useLabApi();
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => api.getState().next(), 1000 / speed);
    return () => window.clearInterval(timer);
  }, [api, playing, speed]);
}
