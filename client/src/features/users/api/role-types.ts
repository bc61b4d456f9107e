import { useQuery } from '@tanstack/react-query';
import type { StaffRoleName } from '@contracts/users';
import { api } from '@/lib/api-client';

interface RoleType {
  role: StaffRoleName;
  assignable: boolean;
}

/** GET /api/role-types: the staff roles and which of them the caller may give. */
export function getRoleTypes(signal?: AbortSignal) {
  return api.listAll<RoleType>('/api/role-types', { signal });
}

export function useAssignableRoles() {
  return useQuery({
    queryKey: ['role-types'],
    queryFn: ({ signal }) => getRoleTypes(signal),
    select: (types) => types.filter((type) => type.assignable).map((type) => type.role),
    staleTime: 10 * 60_000,
  });
}
