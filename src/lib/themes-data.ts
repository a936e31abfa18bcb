// Every improvement in the documents, tagged with its themes (src/domain/improvements.ts),
// worked out once per build for the /themes/ pages' views (src/lib/views/themes.ts).
import { documentById, groups } from './site-data.ts';
import { improvementsByTheme as byTheme, tagImprovements, type TaggedImprovement } from '../domain/improvements.ts';
import type { ThemeId } from '../domain/themes.ts';

export const taggedImprovements: TaggedImprovement[] = tagImprovements(groups, documentById);

export const improvementsByTheme: Map<ThemeId, TaggedImprovement[]> = byTheme(taggedImprovements);
