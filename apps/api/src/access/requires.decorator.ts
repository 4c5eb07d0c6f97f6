import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AccessRefusedResponse } from './access-refused.response';
import { PERMISSIONS, type Permission } from './permissions';

export const REQUIRED_PERMISSION = 'riskledger:required-permission';
export const PUBLIC_ENDPOINT = 'riskledger:public-endpoint';
/** The OpenAPI extension naming each operation's permission; the role × endpoint tests read it. */
export const PERMISSION_EXTENSION = 'x-required-permission';

/** The permission a caller needs for this endpoint (or every endpoint of this controller). */
export const Requires = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiExtension(PERMISSION_EXTENSION, permission),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({
      description: `Needs ${permission}: one of the roles ${PERMISSIONS[permission].join(', ')}`,
      type: AccessRefusedResponse,
    }),
  );

/** Open without signing in: health, readiness and the published contracts. */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_ENDPOINT, true), ApiExtension(PERMISSION_EXTENSION, 'public'));
