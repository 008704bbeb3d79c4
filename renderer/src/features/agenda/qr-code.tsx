/**
 * A QR code drawn as SVG from the matrix, generated in the page: no network, no
 * HTML strings. The encoder is loaded only when a program has a URL to show, so
 * boards without one (and every hallway screen's first paint) don't carry it.
 */
import { useEffect, useState } from 'react';
import { useRefit } from '../../fit/fit-box.tsx';
import { matrixNow, qrMatrix, type QrMatrix } from './qr-matrix.ts';

export function QrCode({ text, label }: { text: string; label: string }) {
  // Until the encoder is in, a blank square of the code's size: the desk is fitted once, with the code's room.
  // On the server the code is drawn at once (qr-matrix.ts); effects never run there.
  const [matrix, setMatrix] = useState<QrMatrix | 'loading' | 'none' | Error>(() => matrixNow(text) ?? 'loading');
  useEffect(() => {
    let live = true;
    void import('qrcode').then(
      ({ create }) => {
        if (live) setMatrix(qrMatrix(create, text));
      },
      (error: unknown) => {
        // The encoder's chunk did not load (the hub was updated under a running screen, the network dropped it): a
        // render error, for the boundary around the code (agenda-view.tsx) to leave the rest of the agenda alone.
        if (live) setMatrix(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      live = false;
    };
  }, [text]);
  // Only a code that cannot be drawn changes the desk's layout: then it is fitted again without it.
  useRefit(matrix === 'none');
  if (matrix instanceof Error) throw matrix;
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
