import { useQuery } from '@tanstack/react-query';
import { useAdminContext } from '@/aws/admin-context';
import { clientCountQuery, groupCountQuery, sendQuotaQuery } from '@/aws/queries';

export function useGroupCount() {
  return useQuery(groupCountQuery(useAdminContext()));
}

export function useClientCount() {
  return useQuery(clientCountQuery(useAdminContext()));
}

/** SES's quota only matters (and is only asked for) when the pool sends through SES. */
export function useSendQuota(enabled: boolean) {
  return useQuery({ ...sendQuotaQuery(useAdminContext()), enabled });
}
