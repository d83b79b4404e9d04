import { downloadBlob } from '@/lib/download';
import { renderReport, type ReportFormat } from '@/lib/review/report';
import type { Review } from '@/lib/review/types';

const TYPES: Record<Exclude<ReportFormat, 'text'>, { ext: string; mime: string }> = {
  md: { ext: 'md', mime: 'text/markdown;charset=utf-8' },
  json: { ext: 'json', mime: 'application/json' },
  sarif: { ext: 'sarif', mime: 'application/sarif+json' },
};

export function reviewFileName(review: Review, format: Exclude<ReportFormat, 'text'>): string {
  const stamp = review.evaluatedAt.slice(0, 16).replace(/[:T]/g, '-');
  return `review-${review.pool.id.replace(/[^\w-]/g, '_')}-${stamp}.${TYPES[format].ext}`;
}

export function downloadReview(review: Review, format: Exclude<ReportFormat, 'text'>): void {
  downloadBlob(new Blob([renderReport(review, format)], { type: TYPES[format].mime }), reviewFileName(review, format));
}
