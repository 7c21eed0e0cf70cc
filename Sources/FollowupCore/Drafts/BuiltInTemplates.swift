/// The templates followup ships with, as the files a vault would hold
/// (`.followup/templates/<name>.txt`). `followup templates` prints them, to start your own from.
///
/// They follow the usual advice: short, specific, sent to one person, warm without gushing, about
/// the role and never about pay.
enum BuiltInTemplates {
    static let files: [(String, String)] = [
        (
            "thank-you.txt",
            """
            Subject: Thank you for {{interview_day}}

            Hi {{first_name}},

            Thank you for taking the time to talk with me on {{interview_day}} about the {{role}} role at {{company}}.

            {{specifics}}

            I came away even more interested in joining the team, and I'm happy to answer anything else that would help.

            Best regards,
            """
        ),
        (
            "thank-you-2.txt",
            """
            Subject: Thanks for our conversation on {{interview_day}}

            Hello {{first_name}},

            Many thanks for meeting with me on {{interview_day}}. I enjoyed learning more about the {{role}} position and how the team works at {{company}}.

            {{specifics}}

            I'm very interested in the role and look forward to hearing about the next steps.

            Kind regards,
            """
        ),
        (
            "thank-you-3.txt",
            """
            Subject: Thank you: {{role}} interview at {{company}}

            Dear {{first_name}},

            I wanted to thank you for your time on {{interview_day}}. It was a pleasure to speak with you about the {{role}} role.

            {{specifics}}

            Our conversation confirmed how much I would like to contribute at {{company}}. Please don't hesitate to reach out if I can provide anything else.

            With thanks,
            """
        ),
        (
            "deliverable.txt",
            """
            Subject: As promised: {{deliverable}}

            Hi {{first_name}},

            As promised when we spoke on {{interview_day}}, here is {{deliverable}} for the {{role}} role.

            I'm happy to walk you through it or answer any questions.

            Best regards,
            """
        ),
        (
            "follow-up.txt",
            """
            Subject: Following up: {{role}} interview on {{interview_date}}

            Hi {{first_name}},

            I hope you're well. I'm writing to follow up on my interview for the {{role}} position at {{company}} on {{interview_date}}. I remain very interested in the role.

            {{timeline}}

            Thank you for your time, and I look forward to hearing from you.

            Best regards,
            """
        ),
        (
            "second-follow-up.txt",
            """
            Subject: Checking in again: {{role}} interview on {{interview_date}}

            Hi {{first_name}},

            I wanted to check in once more about the {{role}} position at {{company}}, following my interview on {{interview_date}} and my note of {{last_check_in}}. I know these decisions take time, and I'm still very interested.

            Would you be able to share an update on where things stand?

            Best regards,
            """
        ),
        (
            "reply-offer.txt",
            """
            Subject: Thank you for the offer: {{role}}

            Hi {{first_name}},

            Thank you very much for the offer for the {{role}} position at {{company}}. I'm delighted, and grateful for the time you and the team spent with me during the interviews.

            I'm reading through the details now and will come back to you with my answer shortly. If there is a date by which you need to hear from me, please let me know.

            Best regards,
            """
        ),
        (
            "ask-feedback.txt",
            """
            Subject: Thank you, and a request for feedback

            Hi {{first_name}},

            Thank you for letting me know, and for the time you and the team gave me during the interviews for the {{role}} role. While I'm disappointed, I enjoyed learning about {{company}}.

            If you have a moment, I would be grateful for any feedback on my interviews that could help me improve. I would also welcome being considered for future roles that fit.

            Best regards,
            """
        ),
    ]
}
