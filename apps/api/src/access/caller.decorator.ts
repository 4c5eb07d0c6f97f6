import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { visibilityFor, type Principal, type Visibility } from '@riskledger/domain';
import type { AuthenticatedRequest } from './authenticated-request';
import { PERMISSIONS, type Permission } from './permissions';

/** The signed-in caller, as the access guard verified them. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal)
    throw new UnauthorizedException('Sign in: send an Authorization: Bearer <token> header');
  return principal;
});

/** What the caller may see of the registers through `permission` (unit and area scopes). */
export function visibilityOf(principal: Principal, permission: Permission): Visibility {
  return visibilityFor(principal, PERMISSIONS[permission]);
}
