/** The first event of every stream: who created the project, for which enterprise, with what data. */
export const PROJECT_CREATED = 'project.created';

export interface ProjectCreatedPayload {
  [key: string]: string | Record<string, unknown>;
  title: string;
  enterpriseId: string;
  data: Record<string, unknown>;
}
