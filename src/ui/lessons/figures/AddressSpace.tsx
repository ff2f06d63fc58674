import { useT } from '../../hooks.ts';
import { RichText } from '../../text/rich-text.tsx';

/** The 32-bit split: 3 GiB of user space below 1 GiB of kernel space, and the one door between them. */
export default function AddressSpace() {
  const t = useT();
  const W = 640;
  const top = 20;
  const h = 320;
  const kernelH = h / 4;
  const x = 170;
  const w = 190;
  return (
    <figure className="fig fig-space">
      <svg viewBox={`0 0 ${W} ${top + h + 20}`} role="img" aria-label={t('fig.space.label')}>
        <defs>
          <marker
            id="fig-space-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" fill="var(--ink)" />
          </marker>
        </defs>
        <rect x={x} y={top} width={w} height={kernelH} fill="var(--kernel-space)" stroke="var(--ink)" />
        <rect
          x={x}
          y={top + kernelH}
          width={w}
          height={h - kernelH}
          fill="var(--user-space)"
          stroke="var(--ink)"
        />
        <text
          x={x + w / 2}
          y={top + kernelH / 2 - 6}
          textAnchor="middle"
          fontWeight="700"
          fill="var(--ink)"
          fontSize="15"
        >
          {t('fig.space.kernel')}
        </text>
        <foreignObject x={x + 6} y={top + kernelH / 2} width={w - 12} height={kernelH / 2}>
          <div className="fig-fo">{t('fig.space.kernel.what')}</div>
        </foreignObject>
        <text
          x={x + w / 2}
          y={top + kernelH + 40}
          textAnchor="middle"
          fontWeight="700"
          fill="var(--ink)"
          fontSize="15"
        >
          {t('fig.space.user')}
        </text>
        <foreignObject x={x + 36} y={top + kernelH + 50} width={w - 42} height={60}>
          <div className="fig-fo">{t('fig.space.user.what')}</div>
        </foreignObject>
        {[
          ['0xFFFFFFFF', top + 10],
          ['0xC0000000', top + kernelH - 4],
          ['0xBFFFFFFF', top + kernelH + 14],
          ['0x00000000', top + h - 4],
        ].map(([label, y]) => (
          <text
            key={label}
            x={x - 8}
            y={Number(y)}
            textAnchor="end"
            fontFamily="var(--font-code)"
            fontSize="13"
            fill="var(--ink)"
          >
            {label}
          </text>
        ))}
        {/* The door: a system call from user space into the kernel. */}
        <path
          d={`M${x + w},${top + h - 60} C${x + w + 100},${top + h - 100} ${x + w + 100},${top + kernelH + 20} ${x + w + 6},${top + kernelH / 2 + 10}`}
          fill="none"
          stroke="var(--green)"
          strokeWidth="3"
          markerEnd="url(#fig-space-arrow)"
        />
        <foreignObject x={x + w + 84} y={top + kernelH + 70} width={W - x - w - 86} height={60}>
          <div className="fig-fo fig-ok">
            ✓ <RichText text={t('fig.space.syscall')} />
          </div>
        </foreignObject>
        {/* A direct read of a kernel address: refused. */}
        <path
          d={`M${x + 22},${top + h - 20} L${x + 22},${top + kernelH + 6}`}
          fill="none"
          stroke="var(--vermillion)"
          strokeWidth="3"
          strokeDasharray="6 4"
          markerEnd="url(#fig-space-arrow)"
        />
        <text
          x={x + 22}
          y={top + kernelH + 4}
          textAnchor="middle"
          fontSize="22"
          fontWeight="700"
          fill="var(--vermillion)"
          aria-hidden="true"
        >
          ✗
        </text>
        <foreignObject x={8} y={top + h - 120} width={x - 16} height={70}>
          <div className="fig-fo fig-bad">✗ {t('fig.space.fault')}</div>
        </foreignObject>
      </svg>
      <figcaption className="fig-caption">{t('fig.space.caption')}</figcaption>
    </figure>
  );
}
