/** The screens every layout check runs on: twelve moments of the seed symposium and six screen sizes. */

export interface Moment {
  name: string;
  query: string;
}

/** The moments the issue measured, and the others where the board changes shape. */
export const MOMENTS: readonly Moment[] = [
  { name: 'before-event', query: 'at=2026-05-05T12:00' },
  { name: 'talk-tba', query: 'at=2026-05-06T09:10' },
  { name: 'coffee', query: 'at=2026-05-06T10:25' },
  { name: 'lunch', query: 'at=2026-05-06T12:30' },
  { name: 'long-title', query: 'at=2026-05-06T13:45' },
  { name: 'evening', query: 'at=2026-05-06T19:30' },
  { name: 'subtitle', query: 'at=2026-05-07T09:05' },
  { name: 'talk-wotao-next', query: 'at=2026-05-07T09:40' },
  { name: 'before-bus', query: 'at=2026-05-07T17:10' },
  { name: 'desk', query: 'at=2026-05-08T11:35&view=agenda' },
  { name: 'two-part', query: 'at=2026-05-08T15:50' },
  { name: 'spotlight-view', query: 'at=2026-05-07T09:30&view=spotlight' },
];

export interface Size {
  name: string;
  width: number;
  height: number;
}

export const SIZES: readonly Size[] = [
  { name: '720p', width: 1280, height: 720 },
  { name: '768p', width: 1366, height: 768 },
  { name: '1080p', width: 1920, height: 1080 },
  { name: '4k', width: 3840, height: 2160 },
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'portrait-4k', width: 2160, height: 3840 },
];
