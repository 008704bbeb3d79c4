/**
 * A QR code drawn as SVG from the matrix, generated in the page: no network, no
 * HTML strings. The encoder is loaded only when a program has a URL to show, so
 * boards without one (and every hallway screen's first paint) don't carry it.
 */
import { useEffect, useMemo, useState } from 'react';
import { useRefit } from '../../fit/fit-box.tsx';
import { encodeAtOnce, matrixNow, qrMatrix, type QrMatrix } from './qr-matrix.ts';

export function QrCode({ text, label }: { text: string; label: string }) {
  // With the encoder at hand the code is drawn in the first commit: on the server, at the takeover of a first board
  // that shows a code (start.tsx loads the encoder before it), and on every later mount once the encoder came in.
  const now = useMemo(() => matrixNow(text), [text]);
  const [loaded, setLoaded] = useState<{ text: string; matrix: QrMatrix | 'none' } | Error | null>(null);
  useEffect(() => {
    if (now !== null) return;
    let live = true;
    void import('qrcode').then(
      ({ create }) => {
        encodeAtOnce(create);
        if (live) setLoaded({ text, matrix: qrMatrix(create, text) });
      },
      (error: unknown) => {
        // The encoder's chunk did not load (the hub was updated under a running screen, the network dropped it): a
        // render error, for the boundary around the code (agenda-view.tsx) to leave the rest of the agenda alone.
        if (live) setLoaded(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      live = false;
    };
  }, [text, now]);
  // Until the encoder is in, a blank square of the code's size: the desk is fitted once, with the code's room.
  const matrix = now ?? (loaded !== null && !(loaded instanceof Error) && loaded.text === text ? loaded.matrix : 'loading');
  // Only a code that cannot be drawn changes the desk's layout: then it is fitted again without it.
  useRefit(matrix === 'none');
  if (loaded instanceof Error) throw loaded;
  if (matrix === 'none') return null;
  if (matrix === 'loading') return <div className="qr" aria-hidden="true" />;
  const { size, path } = matrix;
  return (
    <svg className="qr" viewBox={`-2 -2 ${size + 4} ${size + 4}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x="-2" y="-2" width={size + 4} height={size + 4} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
