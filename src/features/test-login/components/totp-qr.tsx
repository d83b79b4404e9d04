import { encode } from 'uqr';

const QUIET_ZONE = 4;

/**
 * The otpauth:// link as a QR code for an authenticator app, drawn as React SVG elements (one path
 * of unit squares) — no markup strings, no innerHTML.
 */
export function TotpQr({ uri, label }: { uri: string; label: string }) {
  const { data, size } = encode(uri, { ecc: 'M', border: 0 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }),
  );
  const full = size + QUIET_ZONE * 2;
  return (
    <svg className="tl-qr" role="img" aria-label={label} viewBox={`0 0 ${full} ${full}`} width={full * 5} height={full * 5} shapeRendering="crispEdges">
      <rect width={full} height={full} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
