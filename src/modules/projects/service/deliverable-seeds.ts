import { createHash } from 'node:crypto';
import { transaction } from '../../../core/db/client.ts';
import type { DemoSeed, ModuleContext } from '../../../core/modules.ts';
import { keepDocument } from '../../../core/uploads.ts';
import * as repo from '../repo.ts';
import type { DeliverableKind } from '../schema.ts';
import { indexDeliverableText } from './deliverable-search.ts';
import { DELIVERABLE_FOLDER } from './deliverables.ts';

/** A one-page PDF with a line of text, written by hand: objects, their byte offsets in the xref table, a trailer. */
export function minimalPdf(line: string): Buffer {
  const safe = line.replace(/[()\\]/g, '').replace(/[^\x20-\x7e]/g, '?');
  const stream = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) out += `${String(at).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

interface DemoDeliverable {
  title: string;
  summary: string;
  kind: DeliverableKind;
  workPackage: string;
  publishedOn: string;
  areas: string;
  texts: Record<string, { title: string; summary: string }>;
  files: Record<string, string>;
}

const DELIVERABLES: DemoDeliverable[] = [
  {
    title: 'EC-NET Toolkit',
    summary:
      'A collection of tested methods from 15 network-of-towns projects: how partner towns plan meetings, involve citizens and keep working together after a project ends.',
    kind: 'toolkit',
    workPackage: 'WP2',
    publishedOn: '2022-09-30',
    areas: 'europe,culture',
    texts: {
      sl: {
        title: 'Orodjarna EC-NET',
        summary: 'Zbirka preizkušenih metod iz 15 projektov mrež mest: kako partnerska mesta načrtujejo srečanja in vključujejo občane.',
      },
    },
    files: { en: 'EC-NET Toolkit', sl: 'Orodjarna EC-NET' },
  },
  {
    title: 'EC-NET Recommendations',
    summary: 'Policy proposals for the future of the Europe for Citizens programme, drawn from the partners’ meetings and events.',
    kind: 'recommendations',
    workPackage: 'WP4',
    publishedOn: '2022-10-28',
    areas: 'europe',
    texts: {},
    files: { en: 'EC-NET Recommendations' },
  },
];

/** The EC-NET toolkit and recommendations, when the EC-NET project is there; run again, it adds nothing twice. */
export const demoDeliverables: DemoSeed = {
  name: 'EC-NET deliverables',
  async run(ctx: ModuleContext) {
    const { db } = ctx.database;
    const project = await repo.projectBySlug(db, 'ec-net');
    if (!project) return;
    const known = await repo.deliverableTexts(
      db,
      (await repo.deliverablesOfProjects(db, [project.id], 500)).map((d) => d.id),
    );
    const at = new Date().toISOString();
    for (const d of DELIVERABLES) {
      if (known.some((t) => t.title === d.title)) continue;
      const kept: [string, string, Buffer][] = [];
      for (const [language, line] of Object.entries(d.files)) {
        const pdf = minimalPdf(line);
        const file = await keepDocument(ctx.config.dataDir, DELIVERABLE_FOLDER, pdf, ['application/pdf']);
        if ('name' in file) kept.push([language, file.name, pdf]);
      }
      await transaction(db, async (trx) => {
        const id = await repo.insertDeliverable(trx, {
          project_id: project.id,
          kind: d.kind,
          work_package: d.workPackage,
          licence: 'cc-by-4.0',
          published_on: d.publishedOn,
          areas: d.areas,
          original_language: 'en',
          created_by: null,
          created_at: at,
          updated_at: at,
        });
        for (const [language, text] of Object.entries({ en: { title: d.title, summary: d.summary }, ...d.texts })) {
          const textId = await repo.saveDeliverableText(trx, id, language, text);
          await indexDeliverableText(trx, { id: textId, ...text });
        }
        for (const [language, name, pdf] of kept)
          await repo.insertDeliverableFile(trx, {
            deliverable_id: id,
            language,
            version: 1,
            stored_name: name,
            original_name: `${d.files[language]!.replace(/ /g, '-')}.pdf`,
            type: 'application/pdf',
            size: pdf.length,
            sha256: createHash('sha256').update(pdf).digest('hex'),
            downloads: 0,
            uploaded_by: null,
            created_at: at,
          });
      });
    }
  },
};
