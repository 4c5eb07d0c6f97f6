import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '@riskledger/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalText, RequiredText } from '../../platform/field-rules';
import { CONSOLE_CLIENT_ID } from './console-client';

/** RFC 7636 §4.2: an S256 challenge is the 43-character base64url form of a SHA-256 digest. */
const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
/** Unit and area codes travel inside grant strings (`RISK_OWNER:unit=A,B;area=C`). */
const GRANT_CODE = /^[^,;=:\s]+$/;

/** An OAuth 2.0 authorization request of the code flow with PKCE, as oidc-client-ts sends it. */
export class AuthorizationRequest {
  @ApiProperty({ description: 'Only the authorization code flow: code', example: 'code' })
  @IsIn(['code'], { message: 'response_type must be code: the issuer serves the code flow only' })
  response_type!: string;

  @ApiProperty({ description: 'The client: the web console', example: CONSOLE_CLIENT_ID })
  @IsIn([CONSOLE_CLIENT_ID], {
    message: `client_id must be ${CONSOLE_CLIENT_ID}: the development issuer serves the console only`,
  })
  client_id!: string;

  @ApiProperty({
    description: 'Where the browser returns with the code; must be on this server',
    example: 'http://localhost:3000/inloggad',
  })
  @RequiredText(2000)
  redirect_uri!: string;

  @ApiPropertyOptional({
    description: "The client's state, returned unchanged with the code",
    example: '6f1c3a0e9b2d4c7a8e5f0b1d2c3a4e5f',
  })
  @OptionalText(1000)
  state?: string;

  @ApiProperty({
    description: 'PKCE: base64url(SHA-256(code_verifier))',
    example: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  })
  @Matches(CODE_CHALLENGE, {
    message: 'code_challenge must be the 43-character base64url SHA-256 of the code_verifier',
  })
  code_challenge!: string;

  @ApiProperty({ description: 'PKCE method: only S256', example: 'S256' })
  @IsIn(['S256'], { message: 'code_challenge_method must be S256 (plain is not accepted)' })
  code_challenge_method!: string;

  @ApiPropertyOptional({
    description: 'Space-separated scopes; openid and profile are known',
    example: 'openid profile',
  })
  @OptionalText(500)
  scope?: string;

  @ApiPropertyOptional({
    description: 'Returned in the id token, against replay',
    example: '9d1a6c2b0e7f4a3b',
  })
  @OptionalText(500)
  nonce?: string;
}

/** GET /dev-issuer/authorize: the request, plus what OpenID Connect lets a client add. */
export class AuthorizeQuery extends AuthorizationRequest {
  @ApiPropertyOptional({
    description:
      'none: sign in silently with the session cookie, or answer login_required (ignored when ' +
      'posted)',
    example: 'none',
  })
  @OptionalText(100)
  prompt?: string;

  @ApiPropertyOptional({ description: 'Only query (the default)', example: 'query' })
  @IsOptional()
  @IsIn(['query'], { message: 'response_mode must be query' })
  response_mode?: string;

  @ApiPropertyOptional({ description: 'Ignored: the user is chosen on the page', example: 'anna' })
  @OptionalText(500)
  login_hint?: string;

  @ApiPropertyOptional({ description: 'Ignored: the page follows the console', example: 'sv' })
  @OptionalText(100)
  ui_locales?: string;

  @ApiPropertyOptional({ description: 'Ignored by the development issuer', example: 'eyJhbGciOi…' })
  @OptionalText(10000)
  id_token_hint?: string;

  @ApiPropertyOptional({ description: 'Ignored by the development issuer', example: '3600' })
  @OptionalText(20)
  max_age?: string;

  @ApiPropertyOptional({ description: 'Ignored by the development issuer', example: 'page' })
  @OptionalText(20)
  display?: string;
}

/** Who to sign in as: the development issuer takes the page's word for it. */
export class DevelopmentUserRequest {
  @ApiProperty({
    description: 'The user id: recorded as the actor of events',
    example: 'anna.berg',
  })
  @RequiredText(200)
  subject!: string;

  @ApiProperty({ description: 'The display name', example: 'Anna Berg' })
  @RequiredText(200)
  name!: string;

  @ApiProperty({ description: 'The role held', enum: ROLES, example: 'SECURITY_COORDINATOR' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: string;

  @ApiPropertyOptional({
    description: 'Organisational unit codes the role holds for (their subtrees); none: all',
    example: ['SU-ONK'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(GRANT_CODE, { each: true, message: 'units must be codes without , ; = : or spaces' })
  units?: string[];

  @ApiPropertyOptional({
    description: 'Security area codes the role holds for; none: all',
    example: ['FIRE_SAFETY'],
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(GRANT_CODE, { each: true, message: 'areas must be codes without , ; = : or spaces' })
  areas?: string[];

  @ApiProperty({
    description: 'Cleared for protective-security (säkerhetsskydd) risks',
    example: false,
  })
  @IsBoolean()
  cleared!: boolean;

  @ApiPropertyOptional({
    description:
      'How long the session and its tokens last, in minutes (default 480); down to a quarter ' +
      'of a minute, so that an expired session can be tried without waiting',
    minimum: 0.25,
    maximum: 720,
    example: 480,
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'sessionMinutes must be a number of minutes' })
  @Min(0.25)
  @Max(720)
  sessionMinutes?: number;
}

/**
 * POST /dev-issuer/authorize: the authorization request as the page received it (what the issuer
 * ignores may come along), and the user chosen on the page.
 */
export class SignInRequest extends AuthorizeQuery {
  @ApiProperty({
    description: 'Who signs in',
    type: DevelopmentUserRequest,
    example: {
      subject: 'anna.berg',
      name: 'Anna Berg',
      role: 'SECURITY_COORDINATOR',
      cleared: false,
      sessionMinutes: 480,
    },
  })
  @IsObject()
  @ValidateNested()
  @Type(() => DevelopmentUserRequest)
  user!: DevelopmentUserRequest;
}
