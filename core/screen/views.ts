/** The kinds of screen view (its own file: the state and the announcements that target a view both use it). */
export type View = 'board' | 'agenda' | 'spotlight';
export const VIEWS: readonly View[] = ['board', 'agenda', 'spotlight'];
