import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@riskledger/config';
import { createTransport, type Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The same on every attempt of a digest, so that a mail sent twice can be recognised. */
  messageId: string;
}

/** Sends mail through the SMTP server of SMTP_URL (nodemailer; one transport, made on first use). */
@Injectable()
export class SmtpMailer implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(private readonly config: AppConfig) {}

  async send(mail: Mail): Promise<void> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not set');
    this.transport ??= createTransport(this.config.SMTP_URL);
    await this.transport.sendMail({ from: this.config.REMINDER_FROM, ...mail });
  }

  onModuleDestroy(): void {
    this.transport?.close();
    this.transport = null;
  }
}
