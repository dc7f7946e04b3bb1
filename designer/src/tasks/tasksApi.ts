import type { StaffDto, TaskCompletion, TaskDto } from '@journey/shared';
import { requestJson } from '../api/http';

// The staff-task API of the runtime (see /openapi.json).

export const taskKeys = {
  staff: () => ['staff', 'active'] as const,
  open: (assignee: string) => ['tasks', 'open', assignee] as const,
};

export const tasksApi = {
  activeStaff: () => requestJson<{ staff: StaffDto[] }>('GET', '/v1/staff?active=true').then((body) => body.staff),
  open: (assignee: string) =>
    requestJson<{ tasks: TaskDto[] }>('GET', `/v1/tasks?${new URLSearchParams({ assignee, status: 'open' })}`).then(
      (body) => body.tasks,
    ),
  complete: (id: number, completion: TaskCompletion) =>
    requestJson<TaskDto>('POST', `/v1/tasks/${id}/complete`, completion),
};
