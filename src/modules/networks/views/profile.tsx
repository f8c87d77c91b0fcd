import { NamedSection } from '../../../core/views/components.tsx';
import { useHref, usePage } from '../../../core/views/context.ts';
import type { Membership, MembershipKind, MembershipReport } from '../schema.ts';
import { kindLabel, type NetworkView, networkPath } from '../service/networks.ts';
import type { QuestionView } from '../service/reports.ts';
import { fullName, publicState } from './public.tsx';
import { membershipPath, ReportAnswers } from './reports.tsx';

export interface ProfileMembership {
  membership: Membership;
  network: NetworkView;
  kind: MembershipKind | undefined;
  /** The public answers of its latest accepted report. */
  report?: { report: MembershipReport; parts: { question: QuestionView; value: string }[] } | undefined;
}

/** A town's networks on its profile: each membership as the network records it. */
export function NetworksSection({ memberships }: { memberships: ProfileMembership[] }) {
  const { t, lang } = usePage();
  const href = useHref();
  return (
    <NamedSection id="networks" label={t('networks.profile.title')}>
      <ul class="memberships">
        {memberships.map(({ membership: m, network, kind, report }) => (
          <li key={m.id}>
            <a href={href(networkPath(network))}>{fullName(network)}</a>
            <span class="place-meta">
              {[
                kind && kindLabel(kind, lang),
                m.since && t('networks.profile.since', { year: m.since.slice(0, 4) }),
                publicState(m.state) === 'active' ? '' : t(`networks.state.${publicState(m.state)}`),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {report && report.parts.length > 0 && (
              <details>
                <summary>{t('networks.profile.report', { date: new Date(report.report.decided_at ?? report.report.updated_at) })}</summary>
                <ReportAnswers
                  questions={report.parts.map((p) => p.question)}
                  entry={{ report: report.report, answers: new Map(report.parts.map((p) => [p.question.id, p.value])) }}
                  filesAt={href(`${membershipPath(network, m.id)}/reports`)}
                />
              </details>
            )}
          </li>
        ))}
      </ul>
    </NamedSection>
  );
}
