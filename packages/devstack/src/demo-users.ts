export interface DevUser {
  email: string;
  name: string;
  groups: string[];
  /** The directory label this user is known by in the council's plans (links contributor to leads). */
  personLabel?: string;
}

/** The demo councils and which seed plan each gets (docs/architecture.md: the local stack). */
export const DEMO_COUNCILS = [
  { id: 'harrow', name: 'London Borough of Harrow', seed: '000' },
  { id: 'east-herts', name: 'East Hertfordshire District Council', seed: '001' },
  { id: 'oxfordshire', name: 'Oxfordshire County Council', seed: '002' },
  { id: 'kent', name: 'Kent County Council', seed: '003' },
] as const;

export const DEMO_PARTNERSHIP = {
  id: 'hr-shared-service',
  name: 'HR Shared Service (Harrow and East Herts)',
  leadCouncilId: 'harrow',
  memberCouncilIds: ['harrow', 'east-herts'],
} as const;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const DEMO_USERS: DevUser[] = [
  ...DEMO_COUNCILS.flatMap((c) =>
    (['admin', 'editor', 'contributor', 'viewer'] as const).map((role) => ({
      email: `${role}@${c.id}.demo`,
      name: `${cap(role)} (${c.name})`,
      groups: [`council:${c.id}:${role}`],
    })),
  ),
  {
    email: 'partner@hr-shared-service.demo',
    name: 'Partner reader (HR Shared Service)',
    groups: [`partnership:${DEMO_PARTNERSHIP.id}:partner-reader`],
  },
  {
    email: 'officer@hr-shared-service.demo',
    name: 'HR officer working for Harrow and East Herts',
    groups: ['council:harrow:editor', 'council:east-herts:editor'],
  },
  {
    email: 'operator@peopleplan.demo',
    name: 'PeoplePlan service operator',
    groups: ['platform:operator'],
  },
];

/** Where the seed plans are kept in the repository. */
export const SEEDS_DIR = new URL('../seeds/', import.meta.url);
