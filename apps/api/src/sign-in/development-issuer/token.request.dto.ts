import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { RequiredText } from '../../platform/field-rules';
import { CONSOLE_CLIENT_ID } from './console-client';

/** The token request of RFC 6749 §4.1.3 with the PKCE verifier (a form, as OAuth has it). */
export class TokenRequest {
  @ApiProperty({ description: 'Only authorization_code', example: 'authorization_code' })
  @IsIn(['authorization_code'], {
    message: 'grant_type must be authorization_code: the issuer serves the code flow only',
  })
  grant_type!: string;

  @ApiProperty({
    description: 'The code from the authorization redirect',
    example: 'Zm9yIGV4YW1wbGUgb25seSwgbm90IGEgcmVhbCBjb2RlIGF0IGFsbA',
  })
  @RequiredText(200)
  code!: string;

  @ApiProperty({
    description: 'The redirect_uri of the authorization request, exactly',
    example: 'http://localhost:3000/inloggad',
  })
  @RequiredText(2000)
  redirect_uri!: string;

  @ApiProperty({ description: 'The client the code was issued to', example: CONSOLE_CLIENT_ID })
  @RequiredText(200)
  client_id!: string;

  @ApiProperty({
    description: 'PKCE: the secret whose S256 challenge the authorization request carried',
    example: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  })
  @RequiredText(200)
  code_verifier!: string;
}
