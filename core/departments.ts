/**
 * 行管部门: the departments named in the office's task ledger and 通报, as a managed list. A
 * record's source is one of these (never free text), department staff are scoped to the fields
 * (行业领域) their department promotes, and department progress is counted by the same fields.
 * `id` is stable (stored on staff records and imported records); `name` is the office's short
 * name as the bulletin prints it; `fullName` the name on official documents.
 */
import type { Field } from './fields';

export interface Department {
  readonly id: string;
  readonly name: string;
  readonly fullName: string;
  readonly fields: readonly Field[];
}

export const DEPARTMENTS = [
  { id: 'yshj', name: '市营商局', fullName: '鹤岗市营商环境建设监督局', fields: [] },
  { id: 'scjg', name: '市市场监管局', fullName: '鹤岗市市场监督管理局', fields: ['市场监管'] },
  { id: 'swj', name: '市税务局', fullName: '国家税务总局鹤岗市税务局', fields: ['税务'] },
  { id: 'swu', name: '市商务局', fullName: '鹤岗市商务局', fields: ['商务'] },
  { id: 'wtgl', name: '市文体广旅局', fullName: '鹤岗市文化广电和旅游局', fields: ['文化和旅游'] },
  { id: 'gxj', name: '市工信局', fullName: '鹤岗市工业和信息化局', fields: ['工业和信息化'] },
  { id: 'kjj', name: '市科技局', fullName: '鹤岗市科学技术局', fields: ['科技'] },
  { id: 'zjj', name: '市住建局', fullName: '鹤岗市住房和城乡建设局', fields: ['住房和城乡建设'] },
  { id: 'nyj', name: '市农业农村局', fullName: '鹤岗市农业农村局', fields: ['农业农村'] },
  { id: 'jtj', name: '市交通局', fullName: '鹤岗市交通运输局', fields: ['交通运输'] },
  { id: 'jyj', name: '市教育局', fullName: '鹤岗市教育局', fields: ['教育'] },
  { id: 'sthj', name: '市生态环境局', fullName: '鹤岗市生态环境局', fields: ['生态环境'] },
  { id: 'wjw', name: '市卫健委', fullName: '鹤岗市卫生健康委员会', fields: ['卫生健康'] },
  { id: 'rsj', name: '市人社局', fullName: '鹤岗市人力资源和社会保障局', fields: ['人力资源和社会保障'] },
  { id: 'jrj', name: '市金融服务中心', fullName: '鹤岗市金融服务中心', fields: ['金融'] },
  { id: 'yjj', name: '市应急局', fullName: '鹤岗市应急管理局', fields: ['应急管理'] },
] as const satisfies readonly Department[];

export type DepartmentId = (typeof DEPARTMENTS)[number]['id'];

export const DEPARTMENT_IDS = DEPARTMENTS.map((d) => d.id) as unknown as readonly [DepartmentId, ...DepartmentId[]];

export function departmentById(id: string | undefined): Department | undefined {
  return DEPARTMENTS.find((d) => d.id === id);
}

/** The department that promotes a field (each field has at most one). */
export function departmentOfField(field: string | undefined): Department | undefined {
  return DEPARTMENTS.find((d) => (d.fields as readonly string[]).includes(field ?? ''));
}

/** The office itself: the issuing authority printed on codes and posters. */
export const ISSUING_AUTHORITY = { brand: '信用鹤岗', name: '鹤岗市营商环境建设监督局', hotline: '12345' } as const;
