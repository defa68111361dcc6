"""Short replies that only make sense with the turn before: "yes please", "is it fixed yet?",
"and the other one from october?".

The offline classifier and writer read one message at a time; without this, a customer who
answers the assistant's own question is told their message is out of scope. The previous user
message lends the topic, and the assistant's last turn tells what a "yes" agrees to.
"""
