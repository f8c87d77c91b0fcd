import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type PageContext, PageContextValue } from './context.ts';
import { Layout, type LayoutProps } from './layout.tsx';

export type PageOptions = Omit<LayoutProps, 'children'>;

/** Renders a whole HTML document; every value is escaped by Preact unless a component opts out. */
export function renderDocument(ctx: PageContext, body: VNode, options: PageOptions): string {
  return `<!doctype html>${renderToString(
    <PageContextValue.Provider value={ctx}>
      <Layout {...options}>{body}</Layout>
    </PageContextValue.Provider>,
  )}`;
}
