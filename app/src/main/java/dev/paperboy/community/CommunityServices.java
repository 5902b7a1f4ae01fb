package dev.paperboy.community;

import dev.paperboy.harvest.ArxivLookup;
import dev.paperboy.paper.PaperStore;
import dev.paperboy.storage.Database;
import dev.paperboy.storage.Leases;
import dev.paperboy.storage.Secret;
import java.time.Clock;
import java.time.ZoneId;

/** The people side of Paperboy, built once by the composition root and handed to the web layer. */
public record CommunityServices(
    Accounts accounts,
    SignUps signUps,
    PasswordResets passwordResets,
    Votes votes,
    Submissions submissions,
    Comments comments,
    PaperCollections collections,
    Follows follows,
    Feedback feedback,
    Moderation moderation,
    SubmissionWorker submissionWorker,
    FeedTokens feedTokens) {

  public static CommunityServices create(
      Database db,
      PaperStore papers,
      ArxivLookup arxiv,
      Clock clock,
      ZoneId zone,
      Submissions.Rules rules,
      Secret secret,
      AccountMail mail,
      Leases leases) {
    Accounts accounts = new Accounts(db, papers, new Passwords(), clock);
    Comments comments = new Comments(db, papers, clock);
    Submissions submissions =
        new Submissions(db, papers, comments, arxiv, clock, zone, rules, leases.node());
    return new CommunityServices(
        accounts,
        new SignUps(db, accounts, mail, clock),
        new PasswordResets(db, accounts, secret, mail, clock),
        new Votes(db, papers, clock),
        submissions,
        comments,
        new PaperCollections(db, papers, clock),
        new Follows(db, clock),
        new Feedback(db, papers, clock),
        new Moderation(db, papers, comments, accounts, clock),
        new SubmissionWorker(submissions),
        new FeedTokens(db, secret, clock));
  }
}
