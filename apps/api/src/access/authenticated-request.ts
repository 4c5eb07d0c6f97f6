import type { Principal } from '@riskledger/domain';
import type { Request } from 'express';
import type { Permission } from './permissions';

/** A request the authentication guard let through, with who sent it. */
export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  /** The permission the endpoint asked for, through which the caller's scope is read. */
  permission?: Permission;
}
