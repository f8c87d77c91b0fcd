import type { VNode } from 'preact';
import type { PageContext } from './context.ts';
import { type LayoutProps, layoutRenderer, type Site } from './layout.tsx';

export type PageOptions = Omit<LayoutProps, 'children'>;

/** Renders whole HTML documents of one portal; every value is escaped unless a component opts out. */
export function documentRenderer(site: Site): (ctx: PageContext, body: VNode, options: PageOptions) => string {
  const layout = layoutRenderer(site);
  return (ctx, body, options) => layout(ctx, { ...options, children: body });
}
