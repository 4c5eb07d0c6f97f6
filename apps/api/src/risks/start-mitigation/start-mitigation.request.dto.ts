/** Nothing to send: the path names the mitigation, the headers who and when. */
export class StartMitigationRequest {}
