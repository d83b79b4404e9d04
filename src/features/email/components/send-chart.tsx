/**
 * The sending-health chart (uPlot, loaded with this component only). Draws once it knows its
 * width (ResizeObserver) and redraws on resize; the same numbers are always in the table view.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { HealthBin } from '../model/health';

const SERIES = [
  { key: 'deliveryAttempts', label: 'Delivery attempts', colour: '#1f5fbf' },
  { key: 'bounces', label: 'Bounces', colour: '#c62828' },
  { key: 'complaints', label: 'Complaints', colour: '#7a4d00' },
  { key: 'rejects', label: 'Rejects', colour: '#5b2a9c' },
] as const;

export default function SendChart({ bins, label }: { bins: readonly HealthBin[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const data: uPlot.AlignedData = [bins.map((b) => b.start / 1000), ...SERIES.map((s) => bins.map((b) => b[s.key]))];
    const bars = uPlot.paths.bars!({ size: [0.7, 40], align: 1 });
    const ink = getComputedStyle(element).color || '#556070';
    const grid = 'rgb(128 128 128 / 0.25)';
    const options = (width: number): uPlot.Options => ({
      width,
      height: 260,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
      // A canvas knows no CSS colours: the axes take the text colour of the theme in use.
      axes: [
        { stroke: ink, grid: { stroke: grid }, ticks: { stroke: grid } },
        { stroke: ink, size: 48, grid: { stroke: grid }, ticks: { stroke: grid } },
      ],
      series: [
        { label: 'Time' },
        ...SERIES.map((s, i) => ({
          label: s.label,
          stroke: s.colour,
          width: 2,
          ...(i === 0 ? { fill: 'rgb(31 95 191 / 0.15)', paths: bars } : { points: { show: true, size: 5 } }),
        })),
      ],
    });
    let chart: uPlot | undefined;
    const draw = (width: number) => {
      if (width <= 0) return;
      if (chart) chart.setSize({ width, height: 260 });
      else chart = new uPlot(options(width), data, element);
    };
    const observer = new ResizeObserver((entries) => draw(Math.floor(entries[0]?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart?.destroy();
    };
  }, [bins]);

  return <div ref={host} className="send-chart" role="img" aria-label={label} />;
}
